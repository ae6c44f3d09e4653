package org.neuroquantum.engine.sql.plan;

import java.util.List;
import org.neuroquantum.engine.sql.expr.Expr;
import org.neuroquantum.engine.table.Column;

/**
 * How one table's rows are read: a key range over the primary key or a secondary index, or all rows. The range is
 * the leading {@code equals} values followed by an optional {@code low}/{@code high} bound on the next key column;
 * bounds are inclusive (the query's filter still applies, so a strict bound costs at most the boundary rows).
 *
 * @param kind primary key, index, or full scan
 * @param index the index name for {@link Kind#INDEX}
 * @param keyColumns the key's columns (of the primary key or index)
 * @param equals values for the leading key columns, evaluated over the joined row of earlier tables
 * @param low lower bound for the next key column, or null
 * @param high upper bound for the next key column, or null
 */
public record AccessPath(Kind kind, String index, List<Column> keyColumns, List<Expr> equals, Expr low, Expr high) {
    /** Access methods. */
    public enum Kind {
        PRIMARY_KEY, INDEX, FULL_SCAN
    }

    /** A scan of all rows. */
    public static AccessPath fullScan() {
        return new AccessPath(Kind.FULL_SCAN, null, List.of(), List.of(), null, null);
    }

    /** For plans: e.g. {@code index scan t_b (b = 5)}. */
    public String describe() {
        if (kind == Kind.FULL_SCAN) {
            return "full scan";
        }
        StringBuilder b = new StringBuilder(kind == Kind.PRIMARY_KEY ? "primary key " : "index " + index + " ");
        boolean point = low == null && high == null && equals.size() == keyColumns.size();
        b.append(point ? "lookup (" : "range (");
        for (int i = 0; i < equals.size(); i++) {
            b.append(i == 0 ? "" : " AND ").append(keyColumns.get(i).name()).append(" = ")
                    .append(equals.get(i).describe());
        }
        if (low != null || high != null) {
            String column = keyColumns.get(equals.size()).name();
            b.append(equals.isEmpty() ? "" : " AND ");
            if (low != null) {
                b.append(column).append(" >= ").append(low.describe());
            }
            if (high != null) {
                b.append(low != null ? " AND " : "").append(column).append(" <= ").append(high.describe());
            }
        }
        return b.append(')').toString();
    }
}
