package org.neuroquantum.cli.sim;

import java.util.Arrays;

/**
 * A cache access trace with its keys renumbered densely: access {@code i} is to item {@code ids[i]}, an int in
 * {@code 0 .. distinct-1}, numbered in order of first appearance. Renumbering keeps the simulators' tables
 * small and lets any key type (block numbers, object ids, text) be replayed as non-negative page ids.
 *
 * @param name what the trace is called in reports (its file name)
 * @param ids the accesses
 * @param distinct how many distinct items the trace touches
 */
public record Trace(String name, int[] ids, int distinct) {
    /** The number of accesses. */
    public int length() {
        return ids.length;
    }

    /** A trace from raw keys (any {@code long}s), renumbered in order of first appearance. */
    public static Trace of(String name, long[] keys, int count) {
        DenseIds dense = new DenseIds(Math.max(16, count / 4));
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = dense.idOf(keys[i]);
        }
        return new Trace(name, ids, dense.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trace t && name.equals(t.name) && Arrays.equals(ids, t.ids);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "Trace[" + name + ", " + ids.length + " accesses, " + distinct + " distinct]";
    }

    /** Numbers arbitrary {@code long} keys 0, 1, 2, … in order of first sight (open addressing). */
    private static final class DenseIds {
        private long[] keys;
        private int[] values; // id + 1; 0 marks an empty slot
        private int size;

        DenseIds(int expected) {
            int tableSize = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
            keys = new long[tableSize];
            values = new int[tableSize];
        }

        int idOf(long key) {
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (values[i] != 0) {
                if (keys[i] == key) {
                    return values[i] - 1;
                }
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = ++size;
            if (size * 2 > keys.length) {
                grow();
            }
            return size - 1;
        }

        int size() {
            return size;
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldValues[j] != 0) {
                    int i = slot(oldKeys[j], mask);
                    while (values[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    values[i] = oldValues[j];
                }
            }
        }
    }
}
