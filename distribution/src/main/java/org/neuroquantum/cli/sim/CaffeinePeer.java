package org.neuroquantum.cli.sim;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The peer line: the same trace replayed through a Caffeine cache (W-TinyLFU with its adaptive window) of the
 * same maximum size, cold start, every access counted. Maintenance runs on the calling thread, so the cache is
 * back within its bound after every write, as a buffer pool would be.
 */
public final class CaffeinePeer {
    private CaffeinePeer() {
    }

    /** Caffeine's hits on {@code trace} with {@code size} entries. */
    public static long hits(Trace trace, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1: " + size);
        }
        Cache<Integer, Boolean> cache = Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build();
        long hits = 0;
        for (int id : trace.ids()) {
            Integer key = id;
            if (cache.getIfPresent(key) != null) {
                hits++;
            } else {
                cache.put(key, Boolean.TRUE);
            }
        }
        return hits;
    }

    /** The Caffeine version on the class path, for reports. */
    public static String version() {
        Package p = Caffeine.class.getPackage();
        String version = p == null ? null : p.getImplementationVersion();
        return version == null ? "3.x" : version;
    }
}
