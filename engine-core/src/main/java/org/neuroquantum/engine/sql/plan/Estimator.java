package org.neuroquantum.engine.sql.plan;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.sql.bind.Query;
import org.neuroquantum.engine.sql.expr.Expr;
import org.neuroquantum.engine.sql.stats.ColumnStatistics;
import org.neuroquantum.engine.sql.stats.TableStatistics;

/**
 * Cardinality estimates for one query: table row counts and the selectivity of conditions over the joined row,
 * from the statistics ANALYZE stored, or from PostgreSQL-like defaults for tables never analyzed
 * ({@value #DEFAULT_ROWS} rows; {@code =} 0.005, ranges 1/3, {@code IS NULL} 0.005, LIKE 0.05, other 1/3; a
 * column's distinct count defaults to {@value #DEFAULT_DISTINCT} or the row count if smaller).
 */
public final class Estimator {
    /** Rows assumed for a table without statistics. */
    public static final double DEFAULT_ROWS = 1000;
    /** Distinct values assumed for a column without statistics. */
    public static final double DEFAULT_DISTINCT = 200;
    private static final double DEFAULT_EQ = 0.005;
    private static final double DEFAULT_RANGE = 1.0 / 3;
    private static final double DEFAULT_LIKE = 0.05;
    private static final double MIN_SELECTIVITY = 1e-9;

    private final List<Query.Source> sources;
    private final Object[] params;
    private final Map<Table, Optional<TableStatistics>> statistics = new HashMap<>();
    private final Function<Table, Optional<TableStatistics>> lookup;

    Estimator(List<Query.Source> sources, Object[] params, Function<Table, Optional<TableStatistics>> lookup) {
        this.sources = sources;
        this.params = params;
        this.lookup = lookup;
    }

    /** The statistics of a source's table, if ANALYZE collected them. */
    Optional<TableStatistics> statistics(Query.Source source) {
        if (source.derived() != null) {
            return Optional.empty(); // no statistics for a sub-query's rows: the defaults apply
        }
        return statistics.computeIfAbsent(source.table(), lookup);
    }

    /** Estimated rows of a source's table. */
    double tableRows(Query.Source source) {
        return statistics(source).map(s -> (double) s.rowCount()).orElse(DEFAULT_ROWS);
    }

    private Query.Source sourceOf(int column) {
        for (int i = sources.size() - 1; i >= 0; i--) {
            if (column >= sources.get(i).offset()) {
                return sources.get(i);
            }
        }
        return sources.get(0);
    }

    private Optional<ColumnStatistics> column(int index) {
        Query.Source s = sourceOf(index);
        String name = s.columnNames().get(index - s.offset());
        return statistics(s).flatMap(t -> t.column(name));
    }

    /** Estimated distinct non-NULL values of a column of the joined row. */
    double distinct(int index) {
        Query.Source s = sourceOf(index);
        double rows = Math.max(1, tableRows(s));
        int position = index - s.offset();
        if (s.derived() != null) {
            return Math.max(1, rows / 10);
        }
        boolean unique = !s.table().schema().hasHiddenRowId() && s.table().schema().primaryKey().length == 1
                && s.table().schema().primaryKey()[0] == position;
        for (org.neuroquantum.engine.table.IndexDefinition i : s.table().definition().indexes()) {
            unique |= i.unique() && i.columns().length == 1 && i.columns()[0] == position;
        }
        if (unique) {
            // A single-column key has a distinct value per row, whatever the statistics' sketch says.
            return rows;
        }
        return column(index).map(c -> (double) Math.max(1, c.distinct()))
                .orElse(Math.min(DEFAULT_DISTINCT, rows));
    }

    /** The fraction of rows for which a condition holds, in [1e-9, 1]. */
    public double selectivity(Expr e) {
        return clamp(raw(e));
    }

    private static double clamp(double s) {
        return Math.max(MIN_SELECTIVITY, Math.min(1, s));
    }

    private double raw(Expr e) {
        if (e == null) {
            return 1;
        }
        if (e instanceof Expr.And a) {
            return raw(a.left()) * raw(a.right());
        }
        if (e instanceof Expr.Or o) {
            double l = clamp(raw(o.left()));
            double r = clamp(raw(o.right()));
            return l + r - l * r;
        }
        if (e instanceof Expr.Not n) {
            return 1 - clamp(raw(n.operand()));
        }
        if (e instanceof Expr.IsNull n) {
            double nulls = n.operand() instanceof Expr.ColumnRef c
                    ? column(c.index()).map(ColumnStatistics::nullFraction).orElse(DEFAULT_EQ) : DEFAULT_EQ;
            return n.negated() ? 1 - nulls : nulls;
        }
        if (e instanceof Expr.In in) {
            double s = 0;
            for (Expr x : in.list()) {
                s += equality(in.operand(), x);
            }
            s = Math.min(1, s);
            return in.negated() ? 1 - s : s;
        }
        if (e instanceof Expr.Like) {
            return DEFAULT_LIKE;
        }
        if (e instanceof Expr.Comparison c) {
            return switch (c.op()) {
                case EQ -> equality(c.left(), c.right());
                case NE -> 1 - equality(c.left(), c.right());
                case LT, LE -> range(c.left(), c.right(), true);
                case GT, GE -> range(c.left(), c.right(), false);
            };
        }
        if (e instanceof Expr.Literal l) {
            return Boolean.TRUE.equals(l.value()) ? 1 : 0;
        }
        return DEFAULT_RANGE;
    }

    private boolean readsNoColumn(Expr e) {
        BitSet b = new BitSet();
        Expr.columns(e, b);
        return b.isEmpty();
    }

    /** The value of an expression that reads no column (parameters included), or null when unknown. */
    private Object constant(Expr e) {
        if (!readsNoColumn(e)) {
            return null;
        }
        try {
            return e.eval(new Object[0], params);
        } catch (RuntimeException ex) {
            return null;
        }
    }

    private double equality(Expr left, Expr right) {
        if (left instanceof Expr.ColumnRef a && right instanceof Expr.ColumnRef b) {
            // A join condition: the classic 1 / max(distinct) (each value of the smaller side finds its partners).
            return 1 / Math.max(distinct(a.index()), distinct(b.index()));
        }
        Expr.ColumnRef col = left instanceof Expr.ColumnRef a ? a : right instanceof Expr.ColumnRef b ? b : null;
        Expr other = col == left ? right : left;
        if (col == null) {
            return DEFAULT_EQ;
        }
        Optional<ColumnStatistics> stats = column(col.index());
        if (stats.isEmpty()) {
            return readsNoColumn(other) ? DEFAULT_EQ : 1 / distinct(col.index());
        }
        ColumnStatistics s = stats.get();
        Object v = constant(other);
        if (v != null && s.min() != null) {
            try {
                if (org.neuroquantum.engine.sql.expr.Values.compare(v, s.min()) < 0
                        || org.neuroquantum.engine.sql.expr.Values.compare(v, s.max()) > 0) {
                    return 0;
                }
            } catch (RuntimeException ex) {
                // another kind of value: fall through to the distinct count
            }
        }
        return (1 - s.nullFraction()) / Math.max(1, s.distinct());
    }

    /** {@code left < right} when {@code less}, else {@code left > right} (bounds' equality ignored). */
    private double range(Expr left, Expr right, boolean less) {
        Expr.ColumnRef col;
        Object v;
        boolean below;
        if (left instanceof Expr.ColumnRef a && readsNoColumn(right)) {
            col = a;
            v = constant(right);
            below = less;
        } else if (right instanceof Expr.ColumnRef b && readsNoColumn(left)) {
            col = b;
            v = constant(left);
            below = !less;
        } else {
            return DEFAULT_RANGE;
        }
        Optional<ColumnStatistics> stats = column(col.index());
        if (stats.isEmpty() || v == null) {
            return DEFAULT_RANGE;
        }
        double f = stats.get().fractionBelow(v);
        if (f < 0) {
            return DEFAULT_RANGE;
        }
        return (1 - stats.get().nullFraction()) * (below ? f : 1 - f);
    }
}
