package org.neuroquantum.engine.sql.stats;

import java.util.List;
import org.neuroquantum.engine.sql.expr.Values;

/**
 * What ANALYZE found about one column.
 *
 * @param name the column's name
 * @param distinct the number of distinct non-NULL values (exact up to {@value StatisticsCollector#SKETCH_SIZE},
 *     a k-minimum-values estimate beyond)
 * @param nullFraction the fraction of rows where the column is NULL
 * @param min the smallest non-NULL value, or null (none, or a BLOB column)
 * @param max the largest non-NULL value, or null
 * @param histogram equi-depth bucket bounds over a sample of the non-NULL values, ascending: each of the
 *     {@code size() - 1} buckets holds about the same number of values; empty when there are none
 */
public record ColumnStatistics(String name, long distinct, double nullFraction, Object min, Object max,
        List<Object> histogram) {
    public ColumnStatistics {
        histogram = List.copyOf(histogram);
    }

    /**
     * The estimated fraction of the non-NULL values below {@code v} (linear within a bucket for numbers, half a
     * bucket otherwise), or -1 when the histogram cannot tell (none, or a value of another kind).
     */
    public double fractionBelow(Object v) {
        int n = histogram.size() - 1;
        if (n < 1 || v == null) {
            return -1;
        }
        try {
            if (Values.compare(v, histogram.get(0)) <= 0) {
                return 0;
            }
            if (Values.compare(v, histogram.get(n)) > 0) {
                return 1;
            }
            for (int i = 0; i < n; i++) {
                Object lo = histogram.get(i);
                Object hi = histogram.get(i + 1);
                if (Values.compare(v, hi) <= 0) {
                    double within = 0.5;
                    if (v instanceof Number x && lo instanceof Number a && hi instanceof Number b) {
                        double span = b.doubleValue() - a.doubleValue();
                        within = span <= 0 ? 0.5 : (x.doubleValue() - a.doubleValue()) / span;
                    }
                    return (i + within) / n;
                }
            }
            return 1;
        } catch (RuntimeException e) {
            // A value of another type (the binder lets text compare with dates): no estimate from the histogram.
            return -1;
        }
    }
}
