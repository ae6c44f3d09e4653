package org.neuroquantum.engine.sql.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.neuroquantum.engine.db.RowCursor;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.sql.expr.Values;
import org.neuroquantum.engine.table.Column;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.engine.txn.Transaction;

/**
 * Reads every row of a table once and computes its {@link TableStatistics}. Memory stays bounded whatever the
 * table's size: distinct counts use a k-minimum-values sketch of {@value #SKETCH_SIZE} hashes per column (exact
 * below that many distinct values), histograms a reservoir sample of {@value #SAMPLE_SIZE} rows drawn with a
 * fixed seed (so the same table always gets the same statistics).
 */
public final class StatisticsCollector {
    /** Hashes kept per column for the distinct count. */
    public static final int SKETCH_SIZE = 4096;
    /** Rows sampled for histograms. */
    public static final int SAMPLE_SIZE = 20_000;
    /** Buckets of a histogram. */
    public static final int BUCKETS = 32;

    private StatisticsCollector() {
    }

    /**
     * Scans {@code table} in {@code tx}.
     *
     * @param check called once per row (cancellation, timeout)
     */
    public static TableStatistics collect(Table table, Transaction tx, Runnable check) {
        List<Column> columns = table.schema().columns();
        int n = columns.size();
        long rows = 0;
        long[] nulls = new long[n];
        Object[] min = new Object[n];
        Object[] max = new Object[n];
        List<TreeSet<Long>> sketches = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sketches.add(new TreeSet<>());
        }
        List<Object[]> sample = new ArrayList<>();
        Random random = new Random(20_240_131L);
        try (RowCursor c = table.scan(tx, null, null, false)) {
            while (c.next()) {
                check.run();
                Object[] row = c.row();
                rows++;
                for (int i = 0; i < n; i++) {
                    Object v = row[i];
                    if (v == null) {
                        nulls[i]++;
                        continue;
                    }
                    if (columns.get(i).type() != ColumnType.BLOB) {
                        min[i] = min[i] == null || Values.compare(v, min[i]) < 0 ? v : min[i];
                        max[i] = max[i] == null || Values.compare(v, max[i]) > 0 ? v : max[i];
                    }
                    TreeSet<Long> sketch = sketches.get(i);
                    long h = mix(v instanceof byte[] b ? Arrays.hashCode(b) : Values.hash(v) * 31L + v.hashCode());
                    if (sketch.size() < SKETCH_SIZE) {
                        sketch.add(h);
                    } else if (h < sketch.last() && sketch.add(h)) {
                        sketch.pollLast();
                    }
                }
                if (sample.size() < SAMPLE_SIZE) {
                    sample.add(row);
                } else {
                    long slot = (long) (random.nextDouble() * rows);
                    if (slot < SAMPLE_SIZE) {
                        sample.set((int) slot, row);
                    }
                }
            }
        }
        List<ColumnStatistics> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Column column = columns.get(i);
            out.add(new ColumnStatistics(column.name(), distinct(sketches.get(i)),
                    rows == 0 ? 0 : (double) nulls[i] / rows, min[i], max[i],
                    column.type() == ColumnType.BLOB ? List.of() : histogram(sample, i)));
        }
        return new TableStatistics(rows, System.currentTimeMillis(), out);
    }

    /** k-minimum values: with the k smallest of uniformly spread 64-bit hashes, distinct ≈ (k − 1) / kth. */
    private static long distinct(TreeSet<Long> sketch) {
        if (sketch.size() < SKETCH_SIZE) {
            return sketch.size();
        }
        double kth = (sketch.last() - (double) Long.MIN_VALUE) / Math.pow(2, 64);
        return Math.round((SKETCH_SIZE - 1) / kth);
    }

    private static List<Object> histogram(List<Object[]> sample, int column) {
        List<Object> values = new ArrayList<>();
        for (Object[] row : sample) {
            if (row[column] != null) {
                values.add(row[column]);
            }
        }
        if (values.isEmpty()) {
            return List.of();
        }
        values.sort(Values::compare);
        int buckets = Math.min(BUCKETS, values.size());
        List<Object> bounds = new ArrayList<>();
        for (int b = 0; b <= buckets; b++) {
            bounds.add(values.get((int) Math.min(values.size() - 1, (long) b * (values.size() - 1) / buckets)));
        }
        return bounds;
    }

    /** The 64-bit finaliser of MurmurHash3: spreads a 32-bit hash over the whole range for the sketch. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
