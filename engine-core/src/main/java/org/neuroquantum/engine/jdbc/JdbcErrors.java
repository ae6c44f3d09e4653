package org.neuroquantum.engine.jdbc;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import org.neuroquantum.spi.error.NeuroQuantumException;

/** NeuroQuantumDB errors as JDBC exceptions of the SQLSTATE's class. */
final class JdbcErrors {
    private JdbcErrors() {
    }

    static SQLException of(RuntimeException e) {
        if (!(e instanceof NeuroQuantumException n)) {
            return new SQLException("Internal error: " + e, "XX000", e);
        }
        String state = n.errorCode().sqlState();
        String message = n.getMessage();
        return switch (state.substring(0, 2)) {
            case "23" -> new SQLIntegrityConstraintViolationException(message, state, n);
            case "42" -> new SQLSyntaxErrorException(message, state, n);
            case "40" -> new SQLTransactionRollbackException(message, state, n);
            case "0A" -> new SQLFeatureNotSupportedException(message, state, n);
            case "22" -> new SQLDataException(message, state, n);
            default -> new SQLException(message, state, n);
        };
    }

    static SQLException closed(String what) {
        return new SQLException("The " + what + " is closed.", "08003");
    }
}
