package org.neuroquantum.engine.sql.exec;

/**
 * Where the rows of one FROM source come from. A storage table read through an access path is one kind
 * ({@link TableSource}); a derived table (a subquery in FROM) or a system table only has to implement this
 * interface to be scanned, filtered and joined like a table: the planner gives such a source a full scan, and
 * {@code Executor.source} is the one place that maps a {@code Query.Source} to its {@code RowSource}.
 */
public interface RowSource {
    /**
     * Opens the rows.
     *
     * @param outer the joined row of the sources before this one (an index nested loop takes key values from it);
     *     all NULL for the first source
     * @param params the statement's parameter values
     */
    Rows open(Object[] outer, Object[] params);

    /** For EXPLAIN: e.g. {@code Seq Scan on emp e} or {@code Index Scan using emp_dept on emp e}. */
    String describe();

    /** For EXPLAIN: the key condition of an index or key range access, or null. */
    default String condition() {
        return null;
    }

    /** Rows of one source, one at a time, in the source's own column order. */
    interface Rows extends AutoCloseable {
        /** The next row, or null at the end. */
        Object[] next();

        @Override
        void close();
    }
}
