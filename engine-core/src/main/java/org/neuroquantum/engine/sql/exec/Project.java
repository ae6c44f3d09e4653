package org.neuroquantum.engine.sql.exec;

import java.util.List;
import org.neuroquantum.engine.sql.expr.Expr;

/** Computes the output columns (followed by the ORDER BY keys, which {@link Limit} strips again). */
final class Project extends Operator {
    private final Operator input;
    private final List<Expr> exprs;
    private final Object[] params;

    Project(ExecContext ctx, Operator input, List<Expr> exprs, Object[] params) {
        super(ctx, input);
        this.input = input;
        this.exprs = exprs;
        this.params = params;
    }

    @Override
    protected void doOpen(Object[] outer) {
        input.open(outer);
    }

    @Override
    protected Object[] doNext() {
        Object[] r = input.next();
        if (r == null) {
            return null;
        }
        Object[] out = new Object[exprs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = exprs.get(i).eval(r, params);
        }
        return out;
    }

    @Override
    protected void doClose() {
        input.close();
    }

    @Override
    public String label() {
        return "Project";
    }

    @Override
    public List<String> details() {
        List<String> d = super.details();
        d.add("Output: " + String.join(", ", exprs.stream().map(Expr::describe).toList()));
        return d;
    }
}
