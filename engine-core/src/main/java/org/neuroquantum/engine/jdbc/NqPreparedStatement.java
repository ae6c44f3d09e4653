package org.neuroquantum.engine.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.neuroquantum.engine.sql.parse.ParsedStatement;

/** A prepared statement: parsed once, bound against the catalog at each execution with its parameter values. */
final class NqPreparedStatement extends NqStatement {
    private static final Object UNSET = new Object();
    private final ParsedStatement statement;
    private final Object[] params;
    private final List<Object[]> batch = new ArrayList<>();

    NqPreparedStatement(NqConnection connection, ParsedStatement statement) {
        super(connection);
        this.statement = statement;
        this.params = new Object[statement.parameterCount()];
        Arrays.fill(params, UNSET);
    }

    private Object[] values() throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] == UNSET) {
                throw new SQLException("Parameter " + (i + 1) + " has no value.", "07001");
            }
        }
        return params.clone();
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        if (!run(statement, values())) {
            throw new SQLException("The statement returned no rows; use executeUpdate for it.", "07000");
        }
        return getResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) executeLargeUpdate();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        if (run(statement, values())) {
            throw new SQLException("The statement is a query; use executeQuery for it.", "07000");
        }
        return getLargeUpdateCount();
    }

    @Override
    public boolean execute() throws SQLException {
        return run(statement, values());
    }

    private static SQLException notOnPrepared() {
        return new SQLException("A prepared statement runs its own SQL; call the method without an argument.",
                "HY000");
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        batch.add(values());
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
                if (run(statement, batch.get(i))) {
                    throw new java.sql.BatchUpdateException("Batch entry " + i + " is a query.", "07000",
                            Arrays.copyOf(counts, i));
                }
                counts[i] = getUpdateCount();
            }
        } finally {
            batch.clear();
        }
        return counts;
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        Arrays.fill(params, UNSET);
    }

    private void set(int index, Object value) throws SQLException {
        checkOpen();
        if (index < 1 || index > params.length) {
            throw new SQLException("Parameter index " + index + " is out of range: the statement has "
                    + params.length + " parameter(s).", "07009");
        }
        params[index - 1] = normalize(value);
    }

    /** JDBC's Java types to the engine's value classes. */
    static Object normalize(Object v) throws SQLException {
        if (v == null || v instanceof Integer || v instanceof Long || v instanceof Double || v instanceof BigDecimal
                || v instanceof String || v instanceof Boolean || v instanceof LocalDate || v instanceof LocalDateTime
                || v instanceof byte[]) {
            return v;
        }
        if (v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof Character c) {
            return String.valueOf(c);
        }
        throw new SQLException("Values of " + v.getClass().getName() + " are not supported as parameters.", "22000");
    }

    @Override
    public void setNull(int index, int sqlType) throws SQLException {
        set(index, null);
    }

    @Override
    public void setNull(int index, int sqlType, String typeName) throws SQLException {
        set(index, null);
    }

    @Override
    public void setBoolean(int index, boolean x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setByte(int index, byte x) throws SQLException {
        set(index, (int) x);
    }

    @Override
    public void setShort(int index, short x) throws SQLException {
        set(index, (int) x);
    }

    @Override
    public void setInt(int index, int x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setLong(int index, long x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setFloat(int index, float x) throws SQLException {
        set(index, (double) x);
    }

    @Override
    public void setDouble(int index, double x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setBigDecimal(int index, BigDecimal x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setString(int index, String x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setBytes(int index, byte[] x) throws SQLException {
        set(index, x == null ? null : x.clone());
    }

    @Override
    public void setDate(int index, java.sql.Date x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setTimestamp(int index, Timestamp x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setObject(int index, Object x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType) throws SQLException {
        set(index, x);
    }

    /** Known only after execution (the statement is bound then). */
    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        ResultSet rs = getResultSet();
        return rs == null ? null : rs.getMetaData();
    }
}
