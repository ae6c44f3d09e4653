package org.neuroquantum.engine.sql.expr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.neuroquantum.engine.table.ColumnType;

/**
 * A sub-query used by an expression ({@code (SELECT …)}, {@code IN (SELECT …)}, {@code EXISTS (SELECT …)}) or as a
 * row source in FROM. The binder creates it before binding the body, so that references from the body to columns
 * of enclosing queries can be registered as <em>correlations</em>: expressions over the enclosing row, evaluated
 * before each run and appended to the statement parameters, where the body reads them through {@link Expr.OuterRef}.
 * Because correlations look like parameters to the body, the planner can use them for key lookups.
 *
 * <p>A {@link SubqueryRunner} runs the body; it caches results per distinct correlation values.
 */
public final class Subquery {
    /** What the sub-query computes: the binder's bound query implements it and the executor runs it. */
    public interface Body {
        /** The output column types (null where only execution tells). */
        List<ColumnType> types();

        /** The output column names. */
        List<String> names();
    }

    private final List<Expr> correlations = new ArrayList<>();
    private final List<String> correlationTexts = new ArrayList<>();
    private Body body;

    /** Sets the bound body once binding it has finished. */
    public void complete(Body bound) {
        if (this.body != null) {
            throw new IllegalStateException("sub-query bound twice");
        }
        this.body = bound;
    }

    /** The bound body. */
    public Body body() {
        return body;
    }

    /** Registers a reference to an enclosing query's value; returns its slot (the same for the same text). */
    public int correlate(Expr outer) {
        String text = outer.describe();
        int i = correlationTexts.indexOf(text);
        if (i >= 0) {
            return i;
        }
        correlations.add(outer);
        correlationTexts.add(text);
        return correlations.size() - 1;
    }

    /** The expressions over the enclosing row the body reads. */
    public List<Expr> correlations() {
        return List.copyOf(correlations);
    }

    /** Whether the body reads the enclosing row. */
    public boolean correlated() {
        return !correlations.isEmpty();
    }

    int correlationCount() {
        return correlations.size();
    }

    /** The parameters the body runs with: the statement's followed by the correlation values over {@code row}. */
    public Object[] arguments(Object[] row, Object[] params) {
        Object[] p = params == null ? new Object[0] : params;
        Object[] args = java.util.Arrays.copyOf(p, p.length + correlations.size());
        for (int i = 0; i < correlations.size(); i++) {
            args[p.length + i] = correlations.get(i).eval(row, p);
        }
        return args;
    }

    /** For plans and messages. */
    public String describe() {
        return "(subquery" + (correlations.isEmpty() ? "" : " correlated on " + String.join(", ", correlationTexts))
                + ")";
    }

    /** The rows of one run, with the set of first-column values built on demand for {@code IN}. */
    public static final class Result {
        private final List<Object[]> rows;
        private Set<ValueKey> values;
        private boolean hasNull;

        public Result(List<Object[]> rows) {
            this.rows = rows;
        }

        /** The rows. */
        public List<Object[]> rows() {
            return rows;
        }

        /** Whether the first column holds {@code v} (non-null) under SQL equality. */
        public synchronized boolean contains(Object v) {
            index();
            return values.contains(new ValueKey(new Object[] {v}));
        }

        /** Whether the first column holds a NULL. */
        public synchronized boolean hasNull() {
            index();
            return hasNull;
        }

        private void index() {
            if (values == null) {
                values = new HashSet<>();
                for (Object[] r : rows) {
                    if (r[0] == null) {
                        hasNull = true;
                    } else {
                        values.add(new ValueKey(new Object[] {r[0]}));
                    }
                }
            }
        }
    }
}
