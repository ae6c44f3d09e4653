package org.neuroquantum.engine.sql.parse;

import java.util.Objects;
import net.sf.jsqlparser.statement.Statement;

/**
 * One parsed SQL statement: a transaction control statement ({@link #control()} not null), an {@code ANALYZE}
 * ({@link #analyze()} not null), or a JSqlParser syntax tree, which {@link #explain()} may wrap.
 *
 * @param sql the statement's text
 * @param control BEGIN, COMMIT or ROLLBACK, or null
 * @param tree the syntax tree (of the explained statement for EXPLAIN), or null
 * @param parameterCount the number of {@code ?} parameters
 * @param explain the EXPLAIN options when the statement is an EXPLAIN, else null
 * @param analyze the ANALYZE statement, or null
 */
public record ParsedStatement(String sql, TransactionControl control, Statement tree, int parameterCount,
        Explain explain, Analyze analyze) {
    public ParsedStatement {
        Objects.requireNonNull(sql, "sql");
        int kinds = (control != null ? 1 : 0) + (tree != null ? 1 : 0) + (analyze != null ? 1 : 0);
        if (kinds != 1) {
            throw new IllegalArgumentException("exactly one of control, tree and analyze");
        }
        if (explain != null && tree == null) {
            throw new IllegalArgumentException("EXPLAIN needs a statement");
        }
    }

    /** A transaction control statement or a plain statement. */
    public ParsedStatement(String sql, TransactionControl control, Statement tree, int parameterCount) {
        this(sql, control, tree, parameterCount, null, null);
    }

    /** The transaction control statements, recognised before JSqlParser sees the text. */
    public enum TransactionControl {
        BEGIN, COMMIT, ROLLBACK
    }

    /**
     * {@code EXPLAIN [ANALYZE] [(ANALYZE, FORMAT JSON|TEXT)]}.
     *
     * @param analyze run the statement and report actual rows, loops, time and buffers per node
     * @param json one row holding the plan as JSON instead of one row per line of text
     */
    public record Explain(boolean analyze, boolean json) {
    }

    /**
     * {@code ANALYZE [table]}.
     *
     * @param table the table to analyze, or null for every table
     */
    public record Analyze(String table) {
    }
}
