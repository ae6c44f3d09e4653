package org.neuroquantum.engine.sql.exec;

import java.util.List;
import org.neuroquantum.engine.sql.expr.Expr;

/** Passes on the rows for which a condition holds (HAVING, and conjuncts no table level could take). */
final class Filter extends Operator {
    private final Operator input;
    private final Expr condition;
    private final Object[] params;
    private final String name;

    Filter(ExecContext ctx, Operator input, Expr condition, Object[] params, String name) {
        super(ctx, input);
        this.input = input;
        this.condition = condition;
        this.params = params;
        this.name = name;
    }

    @Override
    protected void doOpen(Object[] outer) {
        input.open(outer);
    }

    @Override
    protected Object[] doNext() {
        Object[] r;
        while ((r = input.next()) != null) {
            if (Expr.holds(condition, r, params)) {
                return r;
            }
        }
        return null;
    }

    @Override
    protected void doClose() {
        input.close();
    }

    @Override
    public String label() {
        return "Filter";
    }

    @Override
    public List<String> details() {
        List<String> d = super.details();
        d.add(name + ": " + condition.describe());
        return d;
    }
}
