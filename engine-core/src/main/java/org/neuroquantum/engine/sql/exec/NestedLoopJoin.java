package org.neuroquantum.engine.sql.exec;

import java.util.List;
import org.neuroquantum.engine.sql.expr.Expr;

/**
 * For each row of the outer input, opens the inner input with that row and passes on the inner rows (which
 * already hold the outer row's columns). With an inner access path keyed on outer columns this is an index
 * nested loop. For a LEFT JOIN the inner input's filter is the ON condition; an outer row no inner row matched
 * is passed on with NULLs for the inner columns. {@code after} (WHERE conjuncts on a left-joined table) is checked
 * on every row passed on.
 */
final class NestedLoopJoin extends Operator {
    private final Operator outer;
    private final Operator inner;
    private final boolean leftOuter;
    private final boolean indexed;
    private final Expr after;
    private final Object[] params;
    private Object[] current;
    private boolean matched;

    NestedLoopJoin(ExecContext ctx, Operator outer, Operator inner, boolean leftOuter, boolean indexed, Expr after,
            Object[] params) {
        super(ctx, outer, inner);
        this.outer = outer;
        this.inner = inner;
        this.leftOuter = leftOuter;
        this.indexed = indexed;
        this.after = after;
        this.params = params;
    }

    @Override
    protected void doOpen(Object[] outerRow) {
        outer.open(outerRow);
        current = null;
    }

    @Override
    protected Object[] doNext() {
        while (true) {
            if (current == null) {
                current = outer.next();
                if (current == null) {
                    return null;
                }
                inner.open(current);
                matched = false;
            }
            Object[] r = inner.next();
            if (r != null) {
                matched = true;
                if (Expr.holds(after, r, params)) {
                    return r;
                }
                continue;
            }
            inner.close();
            Object[] l = current;
            current = null;
            if (leftOuter && !matched && Expr.holds(after, l, params)) {
                return l;
            }
        }
    }

    @Override
    protected void doClose() {
        inner.close();
        outer.close();
    }

    @Override
    public String label() {
        return (indexed ? "Index Nested Loop" : "Nested Loop") + (leftOuter ? " Left Join" : "");
    }

    @Override
    public List<String> details() {
        List<String> d = super.details();
        if (after != null) {
            d.add("Filter: " + after.describe());
        }
        return d;
    }
}
