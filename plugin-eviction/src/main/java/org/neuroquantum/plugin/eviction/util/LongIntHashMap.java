package org.neuroquantum.plugin.eviction.util;

import java.util.Arrays;

/**
 * A map from non-negative {@code long} keys to {@code int} values: open addressing with linear probing,
 * Fibonacci hashing and backward-shift deletion. Not thread-safe.
 *
 * <p>Deletion shifts later entries of the probe run back instead of leaving tombstones, so a map that sees
 * millions of insert/remove cycles at a steady size (a buffer pool's page table) never degrades or needs a
 * rehash.
 */
public final class LongIntHashMap {
    /** What {@link #get} and {@link #remove} return for an absent key. */
    public static final int MISSING = -1;

    // Keys are page ids, which are non-negative, so a negative key can mark an empty slot.
    private static final long EMPTY = -1L;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long[] keys;
    private int[] values;
    private int mask;
    private int shift;
    private int size;

    /** A map that holds {@code expectedSize} entries without growing. */
    public LongIntHashMap(int expectedSize) {
        if (expectedSize < 0) {
            throw new IllegalArgumentException("expectedSize must not be negative: " + expectedSize);
        }
        // Load factor at most 1/2 keeps linear-probing runs short.
        allocate(Integer.highestOneBit(Math.max(2, expectedSize) * 2 - 1) << 1);
    }

    /** The value for {@code key}, or {@link #MISSING}. */
    public int get(long key) {
        int i = indexOf(key);
        return i < 0 ? MISSING : values[i];
    }

    /** Whether {@code key} has a value. */
    public boolean containsKey(long key) {
        return indexOf(key) >= 0;
    }

    /**
     * Associates {@code value} with {@code key}.
     *
     * @return the previous value, or {@link #MISSING}
     * @throws IllegalArgumentException when {@code key} is negative
     */
    public int put(long key, int value) {
        if (key < 0) {
            throw new IllegalArgumentException("keys must be non-negative: " + key);
        }
        int i = home(key);
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                int old = values[i];
                values[i] = value;
                return old;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        if (++size > (mask + 1) / 2) {
            grow();
        }
        return MISSING;
    }

    /**
     * Removes {@code key}.
     *
     * @return its value, or {@link #MISSING} when it had none
     */
    public int remove(long key) {
        int hole = indexOf(key);
        if (hole < 0) {
            return MISSING;
        }
        int removed = values[hole];
        // Pull back every later entry of the run that may legally sit in the hole (its probe distance from
        // its home slot is at least the hole's distance), so lookups never meet a gap inside a run.
        for (int j = (hole + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
            if (((j - home(keys[j])) & mask) >= ((j - hole) & mask)) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = EMPTY;
        size--;
        return removed;
    }

    /** The number of entries. */
    public int size() {
        return size;
    }

    private int indexOf(long key) {
        if (key < 0) {
            return -1;
        }
        for (int i = home(key); keys[i] != EMPTY; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return i;
            }
        }
        return -1;
    }

    private int home(long key) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    private void allocate(int tableSize) {
        keys = new long[tableSize];
        Arrays.fill(keys, EMPTY);
        values = new int[tableSize];
        mask = tableSize - 1;
        shift = 64 - Integer.numberOfTrailingZeros(tableSize);
        size = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
