package org.neuroquantum.engine.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.neuroquantum.engine.sql.exec.StatementResult;
import org.neuroquantum.engine.sql.parse.ParsedStatement;

/**
 * A JDBC statement. It extends the prepared-statement base only so that {@link NqPreparedStatement} can share its
 * code; as a plain {@link Statement} it takes its SQL with each call.
 */
class NqStatement extends BasePreparedStatement {
    final NqConnection connection;
    private volatile NqResultSet resultSet;
    private long updateCount = -1;
    private boolean closed;
    private int maxRows;
    private int fetchSize;
    private int queryTimeout;
    private boolean timeoutSet;
    private boolean closeOnCompletion;
    private final List<String> batch = new ArrayList<>();

    NqStatement(NqConnection connection) {
        this.connection = connection;
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw JdbcErrors.closed("statement");
        }
        connection.checkOpen();
    }

    /** Runs a statement; a query's rows become the current result set. */
    boolean run(ParsedStatement statement, Object[] params) throws SQLException {
        checkOpen();
        closeResultSet();
        StatementResult r = connection.run(statement, params, timeoutSet ? queryTimeout * 1000L : -1, this);
        if (r.isQuery()) {
            resultSet = new NqResultSet(this, r, maxRows);
            updateCount = -1;
            return true;
        }
        updateCount = r.updateCount();
        return false;
    }

    private void closeResultSet() {
        if (resultSet != null) {
            resultSet.close();
            resultSet = null;
        }
    }

    void resultSetClosed() throws SQLException {
        if (closeOnCompletion) {
            close();
        }
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        if (!run(NqConnection.parse(sql), new Object[0])) {
            throw new SQLException("The statement returned no rows; use executeUpdate for it.", "07000");
        }
        return resultSet;
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return (int) executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        if (run(NqConnection.parse(sql), new Object[0])) {
            closeResultSet();
            throw new SQLException("The statement is a query; use executeQuery for it.", "07000");
        }
        return updateCount;
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return run(NqConnection.parse(sql), new Object[0]);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return resultSet;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        checkOpen();
        return (int) updateCount;
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        checkOpen();
        closeResultSet();
        updateCount = -1;
        return false;
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        checkOpen();
        int[] counts = new int[batch.size()];
        try {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = executeUpdate(batch.get(i));
            }
        } finally {
            batch.clear();
        }
        return counts;
    }

    @Override
    public void close() {
        closeResultSet();
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    @Override
    public int getMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw new SQLException("maxRows must not be negative.", "22023");
        }
        maxRows = max;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw new SQLException("The fetch size must not be negative.", "22023");
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD) {
            throw new java.sql.SQLFeatureNotSupportedException("Result sets are forward-only.", "0A000");
        }
    }

    /**
     * Cancels this statement's execution, or the production of its result set's rows, from any thread: the
     * statement fails with SQLSTATE 57014 at the next row it processes.
     */
    @Override
    public void cancel() throws SQLException {
        if (closed) {
            throw JdbcErrors.closed("statement");
        }
        connection.cancel(this);
        NqResultSet rs = resultSet;
        if (rs != null && rs.context() != null) {
            rs.context().cancel();
        }
    }

    /** Seconds a statement may execute (0: no limit); until set, the configuration's sql.statement-timeout. */
    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeout;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        if (seconds < 0) {
            throw new SQLException("The timeout must not be negative.", "22023");
        }
        queryTimeout = seconds;
        timeoutSet = true;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
    }

    @Override
    public int getResultSetType() {
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getResultSetConcurrency() {
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        return closeOnCompletion;
    }

    @Override
    public boolean isPoolable() {
        return false;
    }

    @Override
    public void setPoolable(boolean poolable) {
        // Statements hold no resources worth pooling.
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper for " + type.getName() + ".", "HY000");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
