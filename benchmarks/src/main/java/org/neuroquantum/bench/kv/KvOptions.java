package org.neuroquantum.bench.kv;

/**
 * How an engine is opened.
 *
 * @param cacheBytes the cache budget: buffer pool, page cache or block cache, whichever the engine has (engines
 *        that rely on the operating system's page cache only, like LMDB, ignore it and say so)
 */
public record KvOptions(long cacheBytes) {

    /** The budget of every workload whose data fits in memory: 256 MB. */
    public static final long DEFAULT_CACHE_BYTES = 256L << 20;

    public KvOptions {
        if (cacheBytes < (1L << 20)) {
            throw new IllegalArgumentException("cacheBytes must be at least 1 MB, got " + cacheBytes);
        }
    }

    /** Options with {@link #DEFAULT_CACHE_BYTES}. */
    public static KvOptions defaults() {
        return new KvOptions(DEFAULT_CACHE_BYTES);
    }
}
