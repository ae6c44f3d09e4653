package org.neuroquantum.engine.sql.exec;

import java.util.List;
import org.neuroquantum.engine.sql.expr.Expr;

/**
 * A condition that reads no column, checked once when the node opens: when it does not hold the node produces
 * nothing, otherwise it passes its input on. Without an input it produces one empty row (SELECT without FROM).
 */
final class Result extends Operator {
    private final Operator input;
    private final Expr oneTimeFilter;
    private final int width;
    private final Object[] params;
    private boolean open;
    private boolean emitted;

    Result(ExecContext ctx, Operator input, Expr oneTimeFilter, int width, Object[] params) {
        super(ctx, input == null ? new Operator[0] : new Operator[] {input});
        this.input = input;
        this.oneTimeFilter = oneTimeFilter;
        this.width = width;
        this.params = params;
    }

    @Override
    protected void doOpen(Object[] outer) {
        open = Expr.holds(oneTimeFilter, new Object[width], params);
        emitted = false;
        if (open && input != null) {
            input.open(outer);
        }
    }

    @Override
    protected Object[] doNext() {
        if (!open) {
            return null;
        }
        if (input != null) {
            return input.next();
        }
        if (emitted) {
            return null;
        }
        emitted = true;
        return new Object[width];
    }

    @Override
    protected void doClose() {
        if (input != null) {
            input.close();
        }
    }

    @Override
    public String label() {
        return "Result";
    }

    @Override
    public List<String> details() {
        List<String> d = super.details();
        if (oneTimeFilter != null) {
            d.add("One-Time Filter: " + oneTimeFilter.describe());
        }
        return d;
    }
}
