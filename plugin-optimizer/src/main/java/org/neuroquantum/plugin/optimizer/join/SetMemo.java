package org.neuroquantum.plugin.optimizer.join;

/**
 * The dynamic-programming table: for each set of relations (a bit mask over the local relation numbers) its
 * rows, its best cost so far and the left input of its best split. Dense (indexed by the mask itself) up to
 * {@link #DENSE_LIMIT} relations, an open-addressing hash table above. A slot created but not yet given a
 * split holds the set itself as its left input (which also marks it present in the dense table).
 */
final class SetMemo {
    /** Up to this many relations the table is an array of 2^n entries (2^20 entries take 24 MiB). */
    static final int DENSE_LIMIT = 20;

    private final boolean dense;
    private long[] keys;
    private int used;
    double[] rows;
    double[] cost;
    long[] left;

    SetMemo(int relations) {
        dense = relations <= DENSE_LIMIT;
        int capacity = dense ? 1 << relations : 1 << 12;
        keys = dense ? null : new long[capacity];
        rows = new double[capacity];
        cost = new double[capacity];
        left = new long[capacity];
    }

    /** The slot of {@code set}, or -1 when it has none. */
    int find(long set) {
        if (dense) {
            return left[(int) set] == 0 ? -1 : (int) set;
        }
        int mask = keys.length - 1;
        for (int i = hash(set) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == set) {
                return i;
            }
            if (keys[i] == 0) {
                return -1;
            }
        }
    }

    /** The slot of {@code set}, created with the given rows, an infinite cost and no split when absent. */
    int slot(long set, double setRows) {
        int i = find(set);
        if (i >= 0) {
            return i;
        }
        if (!dense && 2 * (used + 1) > keys.length) {
            grow();
        }
        if (dense) {
            i = (int) set;
        } else {
            int mask = keys.length - 1;
            i = hash(set) & mask;
            while (keys[i] != 0) {
                i = (i + 1) & mask;
            }
            keys[i] = set;
            used++;
        }
        rows[i] = setRows;
        cost[i] = Double.POSITIVE_INFINITY;
        left[i] = set;
        return i;
    }

    /** Records a better split for a slot. */
    void improve(int slot, double newCost, long newLeft) {
        cost[slot] = newCost;
        left[slot] = newLeft;
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldRows = rows;
        double[] oldCost = cost;
        long[] oldLeft = left;
        int capacity = oldKeys.length * 2;
        keys = new long[capacity];
        rows = new double[capacity];
        cost = new double[capacity];
        left = new long[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = hash(oldKeys[j]) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                rows[i] = oldRows[j];
                cost[i] = oldCost[j];
                left[i] = oldLeft[j];
            }
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
