package org.neuroquantum.engine.sql.bind;

import java.util.List;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.sql.expr.Expr;
import org.neuroquantum.engine.sql.expr.Subquery;
import org.neuroquantum.engine.table.ColumnType;

/**
 * A bound SELECT. Rows flow: the sources' rows concatenated (in FROM order, each source's columns starting at its
 * {@code offset}) → {@code where} → grouping (when {@code aggregation} is set, the row becomes the group keys
 * followed by the aggregate values) → {@code having} → outputs and sort keys → DISTINCT → ORDER BY → OFFSET/LIMIT.
 *
 * @param sources the tables of FROM (inner joins: their ON conditions are part of {@code where}; left joins keep
 *     theirs)
 * @param where the condition over the joined row, or null
 * @param aggregation grouping, or null for a query without GROUP BY and aggregates
 * @param having the condition over the grouped row, or null
 * @param outputs the select list, over the joined (or grouped) row
 * @param names the output column names
 * @param orderBy sort keys over the same row as {@code outputs}
 * @param distinct whether duplicate output rows are removed
 * @param limit the LIMIT expression, or null
 * @param offset the OFFSET expression, or null
 * @param width the number of columns of the joined row
 */
public record Query(List<Source> sources, Expr where, Aggregation aggregation, Expr having, List<Expr> outputs,
        List<String> names, List<SortKey> orderBy, boolean distinct, Expr limit, Expr offset, int width)
        implements Relation {

    /**
     * A table of FROM under its alias; its columns start at {@code offset} in the joined row. A LEFT JOINed table
     * has its ON condition here (rows of the tables before it without a match get NULLs for its columns); the ON
     * conditions of inner joins are part of the query's WHERE.
     *
     * <p>A <em>derived</em> source (a sub-query in FROM, or a WITH query) has no {@code table}: its rows come from
     * {@code derived}, and its columns are {@link Derived#names()}.
     */
    public record Source(Table table, String alias, int offset, boolean leftOuter, Expr on, Derived derived) {
        /** A table of FROM or of an inner join. */
        public Source(Table table, String alias, int offset) {
            this(table, alias, offset, false, null, null);
        }

        /** A table, possibly left-joined. */
        public Source(Table table, String alias, int offset, boolean leftOuter, Expr on) {
            this(table, alias, offset, leftOuter, on, null);
        }

        /** The number of columns this source adds to the joined row. */
        public int width() {
            return table != null ? table.schema().size() : derived.names().size();
        }

        /** The table's name, or for a derived source its alias. */
        public String name() {
            return table != null ? table.name() : alias;
        }

        /** The column names. */
        public List<String> columnNames() {
            return table != null ? table.schema().columns().stream().map(c -> c.name()).toList() : derived.names();
        }

        /** The type of column {@code i} (null where only execution tells). */
        public ColumnType columnType(int i) {
            return table != null ? table.schema().columns().get(i).type() : derived.types().get(i);
        }

        /** The position of a column (case-insensitive), or -1. */
        public int indexOf(String column) {
            if (table != null) {
                return table.schema().indexOf(column);
            }
            for (int i = 0; i < derived.names().size(); i++) {
                if (derived.names().get(i).equalsIgnoreCase(column)) {
                    return i;
                }
            }
            return -1;
        }

        /** The same source left-joined with the condition {@code on}. */
        public Source leftJoined(Expr condition) {
            return new Source(table, alias, offset, true, condition, derived);
        }
    }

    /**
     * The rows of a derived source: a sub-query run through the statement's {@link
     * org.neuroquantum.engine.sql.expr.SubqueryRunner}, with the column names it has in the enclosing query.
     */
    public record Derived(Subquery rows, List<String> names, List<ColumnType> types) {
    }

    /** GROUP BY keys (over the joined row) and the aggregate calls the query uses. */
    public record Aggregation(List<Expr> keys, List<AggregateCall> calls) {
    }

    /** The aggregate functions. */
    public enum Function {
        COUNT, SUM, AVG, MIN, MAX
    }

    /**
     * One aggregate call.
     *
     * @param argument over the joined row; null for {@code COUNT(*)}
     * @param type the result type
     */
    public record AggregateCall(Function function, Expr argument, boolean distinct, ColumnType type) {
    }

    /** One ORDER BY key. */
    public record SortKey(Expr expr, boolean descending, boolean nullsFirst) {
    }

    /** The output types (null where only execution tells). */
    public List<ColumnType> types() {
        return outputs.stream().map(Expr::type).toList();
    }
}
