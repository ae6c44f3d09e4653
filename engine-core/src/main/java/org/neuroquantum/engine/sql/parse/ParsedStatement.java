package org.neuroquantum.engine.sql.parse;

import java.util.Objects;
import net.sf.jsqlparser.statement.Statement;

/**
 * One parsed SQL statement: either a transaction control statement ({@link #control()} not null) or a JSqlParser
 * syntax tree.
 *
 * @param sql the statement's text
 * @param control BEGIN, COMMIT or ROLLBACK, or null
 * @param tree the syntax tree, or null for a transaction control statement
 * @param parameterCount the number of {@code ?} parameters
 */
public record ParsedStatement(String sql, TransactionControl control, Statement tree, int parameterCount) {
    public ParsedStatement {
        Objects.requireNonNull(sql, "sql");
        if ((control == null) == (tree == null)) {
            throw new IllegalArgumentException("exactly one of control and tree");
        }
    }

    /** The transaction control statements, recognised before JSqlParser sees the text. */
    public enum TransactionControl {
        BEGIN, COMMIT, ROLLBACK
    }
}
