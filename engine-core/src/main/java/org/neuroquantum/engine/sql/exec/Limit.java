package org.neuroquantum.engine.sql.exec;

import java.util.Arrays;
import java.util.List;
import org.neuroquantum.engine.sql.expr.Expr;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

/**
 * Skips OFFSET rows, passes on at most LIMIT rows (then stops reading its input) and cuts each row to the output
 * columns (dropping the ORDER BY keys that ride along).
 */
final class Limit extends Operator {
    private final Operator input;
    private final Expr limitExpr;
    private final Expr offsetExpr;
    private final int columns;
    private final Object[] params;
    private long remaining;
    private long skip;

    Limit(ExecContext ctx, Operator input, Expr limit, Expr offset, int columns, Object[] params) {
        super(ctx, input);
        this.input = input;
        this.limitExpr = limit;
        this.offsetExpr = offset;
        this.columns = columns;
        this.params = params;
    }

    @Override
    protected void doOpen(Object[] outer) {
        skip = count(offsetExpr, params, "OFFSET", 0);
        remaining = count(limitExpr, params, "LIMIT", Long.MAX_VALUE);
        input.open(outer);
    }

    @Override
    protected Object[] doNext() {
        if (remaining <= 0) {
            return null;
        }
        Object[] r;
        while ((r = input.next()) != null) {
            if (skip > 0) {
                skip--;
                continue;
            }
            remaining--;
            return r.length == columns ? r : Arrays.copyOf(r, columns);
        }
        return null;
    }

    @Override
    protected void doClose() {
        input.close();
    }

    @Override
    public String label() {
        return "Limit";
    }

    @Override
    public List<String> details() {
        List<String> d = super.details();
        if (limitExpr != null) {
            d.add("Limit: " + limitExpr.describe());
        }
        if (offsetExpr != null) {
            d.add("Offset: " + offsetExpr.describe());
        }
        return d;
    }

    static long count(Expr e, Object[] params, String clause, long absent) {
        if (e == null) {
            return absent;
        }
        Object v = e.eval(new Object[0], params);
        if (v == null) {
            return absent;
        }
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 0) {
            throw new NeuroQuantumException(ErrorCode.DATA_INVALID, clause + " must be a non-negative integer, not "
                    + v + ".", "Give a count of rows.");
        }
        return ((Number) v).longValue();
    }
}
