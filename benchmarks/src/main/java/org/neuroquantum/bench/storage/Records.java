package org.neuroquantum.bench.storage;

import java.util.SplittableRandom;

/**
 * The records of the suite: 16-byte keys and 100-byte values, all derived from a record number so that every
 * engine stores exactly the same bytes and every process can recompute them.
 *
 * <p>Key {@code i} is {@code i} as 8 big-endian bytes followed by 8 bytes of a hash of {@code i}: keys sort in
 * record-number order, so the records {@code [a, b)} are exactly the keys {@code key(a) <= k < key(b)}. Values
 * are pseudo-random bytes (incompressible, so compression helps no engine).
 */
public final class Records {
    /** Bytes per key. */
    public static final int KEY_BYTES = 16;
    /** Bytes per value. */
    public static final int VALUE_BYTES = 100;

    private Records() {
    }

    /** The key of record {@code i}. */
    public static byte[] key(long i) {
        byte[] key = new byte[KEY_BYTES];
        putLong(key, 0, i);
        putLong(key, 8, mix(i));
        return key;
    }

    /** The record number a key was made from. */
    public static long number(byte[] key) {
        long n = 0;
        for (int i = 0; i < 8; i++) {
            n = (n << 8) | (key[i] & 0xFF);
        }
        return n;
    }

    /** Version {@code version} of record {@code i}'s value (version 0 is the one loaded). */
    public static byte[] value(long i, long version) {
        byte[] value = new byte[VALUE_BYTES];
        new SplittableRandom(mix(i * 0x9E3779B97F4A7C15L + version)).nextBytes(value);
        return value;
    }

    /** The raw size of {@code records} records: keys plus values. */
    public static long rawBytes(long records) {
        return records * (KEY_BYTES + VALUE_BYTES);
    }

    /**
     * The record numbers {@code 0..n-1} in load order: ascending, or a permutation drawn with {@code seed}.
     */
    public static int[] order(int n, boolean random, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (random) {
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    private static void putLong(byte[] b, int offset, long v) {
        for (int i = 7; i >= 0; i--) {
            b[offset + i] = (byte) v;
            v >>>= 8;
        }
    }

    /** A 64-bit finaliser (SplitMix64): spreads consecutive numbers over all bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
