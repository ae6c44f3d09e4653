package org.neuroquantum.engine.sql.bind;

import java.util.List;
import org.neuroquantum.engine.sql.expr.Expr;
import org.neuroquantum.engine.table.ColumnType;

/**
 * A set operation: {@code left UNION|INTERSECT|EXCEPT [ALL] right}, then ORDER BY (over output positions), OFFSET
 * and LIMIT. Rows compare under SQL equality with NULLs equal (as for DISTINCT); without ALL the result has no
 * duplicates; with ALL, INTERSECT keeps min(m, n) and EXCEPT max(m - n, 0) copies of a row occurring m times left
 * and n times right.
 *
 * @param operator the set operator
 * @param all whether duplicates are kept
 * @param left the first operand, whose column names the result takes
 * @param right the second operand, with as many columns
 * @param types the common column types (numbers widen)
 * @param orderBy sort keys, each a column position of the result
 * @param limit the LIMIT expression, or null
 * @param offset the OFFSET expression, or null
 */
public record Compound(Operator operator, boolean all, Relation left, Relation right, List<ColumnType> types,
        List<OrderKey> orderBy, Expr limit, Expr offset) implements Relation {
    /** The set operators. */
    public enum Operator {
        UNION, INTERSECT, EXCEPT
    }

    /** One ORDER BY key of a set operation: a result column. */
    public record OrderKey(int column, boolean descending, boolean nullsFirst) {
    }

    @Override
    public List<String> names() {
        return left.names();
    }
}
