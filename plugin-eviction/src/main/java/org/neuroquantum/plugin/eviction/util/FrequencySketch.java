package org.neuroquantum.plugin.eviction.util;

/**
 * A count-min sketch of 4-bit counters estimating how often each page id was seen recently, in the manner of
 * TinyLFU (Einziger, Friedman &amp; Manes, 2017) and Caffeine: four counters per id, the estimate is their
 * minimum, and after {@code 10 × width} increments every counter is halved, so the sketch forgets old
 * popularity and its memory stays at 8 bytes per expected id. Not thread-safe.
 */
public final class FrequencySketch {
    private static final long[] SEEDS = {
        0xc3a5c85c97cb3127L, 0xb492b66fbe98f273L, 0x9ae16a3b2f90404fL, 0xcbf29ce484222325L};
    private static final long RESET_MASK = 0x7777_7777_7777_7777L;
    private static final int MAX_COUNT = 15;

    private final long[] table;
    private final int tableMask;
    private final int sampleSize;
    private int additions;

    /** A sketch for about {@code expectedIds} distinct ids live at once (at least 1). */
    public FrequencySketch(int expectedIds) {
        int width = Integer.highestOneBit(Math.max(8, expectedIds) * 2 - 1);
        table = new long[width];
        tableMask = width - 1;
        sampleSize = 10 * Math.max(8, expectedIds);
    }

    /** The estimated recent frequency of {@code id}, 0 to 15. */
    public int frequency(long id) {
        int min = MAX_COUNT;
        for (int i = 0; i < 4; i++) {
            long h = hash(id, i);
            int count = (int) ((table[index(h)] >>> offset(h)) & 0xF);
            min = Math.min(min, count);
        }
        return min;
    }

    /** Counts one more use of {@code id}. */
    public void increment(long id) {
        boolean added = false;
        for (int i = 0; i < 4; i++) {
            long h = hash(id, i);
            int at = index(h);
            int shift = offset(h);
            if (((table[at] >>> shift) & 0xF) < MAX_COUNT) {
                table[at] += 1L << shift;
                added = true;
            }
        }
        if (added && ++additions >= sampleSize) {
            reset();
        }
    }

    private void reset() {
        for (int i = 0; i < table.length; i++) {
            table[i] = (table[i] >>> 1) & RESET_MASK;
        }
        additions /= 2;
    }

    private static long hash(long id, int i) {
        long h = (id + SEEDS[i]) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 32);
    }

    private int index(long h) {
        return (int) h & tableMask;
    }

    // Which of the 16 counters in the chosen word.
    private static int offset(long h) {
        return (int) ((h >>> 40) & 0xF) << 2;
    }
}
