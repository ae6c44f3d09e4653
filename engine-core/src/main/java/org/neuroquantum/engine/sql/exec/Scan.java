package org.neuroquantum.engine.sql.exec;

import java.util.List;
import org.neuroquantum.engine.sql.expr.Expr;

/**
 * Reads a {@link RowSource} and places each of its rows at the source's offset of the joined row: a copy of the
 * outer row (inside a nested loop) or a row of NULLs. Rows failing {@code filter} (over the joined row) are skipped.
 */
final class Scan extends Operator {
    private final RowSource source;
    private final int offset;
    private final int width;
    private final Expr filter;
    private final Object[] params;
    private Object[] outer;
    private RowSource.Rows rows;

    Scan(ExecContext ctx, RowSource source, int offset, int width, Expr filter, Object[] params) {
        super(ctx);
        this.source = source;
        this.offset = offset;
        this.width = width;
        this.filter = filter;
        this.params = params;
    }

    @Override
    protected void doOpen(Object[] outerRow) {
        doClose();
        this.outer = outerRow;
        rows = source.open(outerRow == null ? new Object[width] : outerRow, params);
    }

    @Override
    protected Object[] doNext() {
        Object[] r;
        while ((r = rows.next()) != null) {
            Object[] row = outer == null ? new Object[width] : outer.clone();
            System.arraycopy(r, 0, row, offset, r.length);
            if (Expr.holds(filter, row, params)) {
                return row;
            }
            ctx.check();
        }
        return null;
    }

    @Override
    protected void doClose() {
        if (rows != null) {
            rows.close();
            rows = null;
        }
    }

    @Override
    public String label() {
        return source.describe();
    }

    @Override
    public List<String> details() {
        List<String> d = super.details();
        if (source.condition() != null) {
            d.add("Index Cond: " + source.condition());
        }
        if (filter != null) {
            d.add("Filter: " + filter.describe());
        }
        return d;
    }
}
