package org.neuroquantum.engine.sql.expr;

import java.util.function.Supplier;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

/**
 * Runs sub-queries for the expressions that contain them. The executor installs one for the duration of a
 * statement ({@link #with}); expressions find it through {@link #current()}, so that {@link Expr#eval} keeps its
 * signature.
 */
public interface SubqueryRunner {
    /** Runs {@code subquery} for the enclosing row {@code row} (read by its correlations). */
    Subquery.Result run(Subquery subquery, Object[] row, Object[] params);

    /** The runner of the statement running on this thread. */
    static SubqueryRunner current() {
        SubqueryRunner r = Holder.CURRENT.get();
        if (r == null) {
            throw new NeuroQuantumException(ErrorCode.FEATURE_NOT_SUPPORTED, "Not supported yet: a sub-query in this "
                    + "place.", "Use sub-queries in SELECT, WHERE, HAVING, FROM and in UPDATE/DELETE conditions.");
        }
        return r;
    }

    /** Runs {@code work} with {@code runner} installed for this thread (nesting restores the previous one). */
    static <T> T with(SubqueryRunner runner, Supplier<T> work) {
        SubqueryRunner previous = Holder.CURRENT.get();
        Holder.CURRENT.set(runner);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                Holder.CURRENT.remove();
            } else {
                Holder.CURRENT.set(previous);
            }
        }
    }

    /** The per-thread slot. */
    final class Holder {
        private static final ThreadLocal<SubqueryRunner> CURRENT = new ThreadLocal<>();

        private Holder() {
        }
    }
}
