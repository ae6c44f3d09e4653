package org.neuroquantum.engine.jdbc;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.neuroquantum.engine.sql.exec.ExecContext;
import org.neuroquantum.engine.sql.exec.StatementResult;
import org.neuroquantum.engine.table.ColumnType;

/**
 * A forward-only, read-only result set over a statement's rows (or metadata rows: no statement then). The rows
 * stream from the statement's operator tree: {@link #next()} pulls one at a time (one row of look-ahead only for
 * {@link #isBeforeFirst()}); closing the result set releases what the statement holds.
 */
final class NqResultSet extends BaseResultSet {
    private final NqStatement statement;
    private final List<String> names;
    private final List<ColumnType> types;
    private final StatementResult result;
    private final long maxRows;
    private Object[] current;
    private Object[] lookahead;
    private long row;
    private boolean after;
    private boolean wasNull;
    private boolean closed;

    NqResultSet(NqStatement statement, List<String> names, List<ColumnType> types, List<Object[]> rows) {
        this(statement, new StatementResult(names, types, rows, -1), 0);
    }

    NqResultSet(NqStatement statement, StatementResult result, long maxRows) {
        this.statement = statement;
        this.names = result.names();
        this.types = result.types();
        this.result = result;
        this.maxRows = maxRows;
    }

    /** The running statement's context (cancel, progress), or null for rows held in memory. */
    ExecContext context() {
        return result.context();
    }

    private Object[] fetch() throws SQLException {
        if (lookahead != null) {
            Object[] r = lookahead;
            lookahead = null;
            return r;
        }
        if (maxRows > 0 && row >= maxRows) {
            return null;
        }
        try {
            if (statement == null) {
                return result.nextRow();
            }
            synchronized (statement.connection) {
                return result.nextRow();
            }
        } catch (RuntimeException e) {
            throw JdbcErrors.of(e);
        }
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw JdbcErrors.closed("result set");
        }
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (after) {
            return false;
        }
        current = fetch();
        if (current == null) {
            after = true;
            result.close();
            return false;
        }
        row++;
        return true;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            current = null;
            lookahead = null;
            if (statement == null) {
                result.close();
                return;
            }
            synchronized (statement.connection) {
                result.close();
            }
            if (statement == null) {
                return;
            }
            try {
                statement.resultSetClosed();
            } catch (SQLException e) {
                // The statement is closing anyway.
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private Object value(int column) throws SQLException {
        checkOpen();
        if (current == null) {
            throw new SQLException("The result set is not on a row; call next() first.", "24000");
        }
        if (column < 1 || column > names.size()) {
            throw new SQLException("Column index " + column + " is out of range 1 to " + names.size() + ".", "07009");
        }
        Object v = current[column - 1];
        wasNull = v == null;
        return v;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    @Override
    public int findColumn(String label) throws SQLException {
        checkOpen();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(label)) {
                return i + 1;
            }
        }
        throw new SQLException("The result has no column " + label + "; its columns: " + String.join(", ", names)
                + ".", "42703");
    }

    private static SQLException conversion(Object v, String target) {
        return new SQLDataException("Cannot read " + v.getClass().getSimpleName() + " " + v + " as " + target + ".",
                "22018");
    }

    private Number number(int column, String target) throws SQLException {
        Object v = value(column);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                throw conversion(v, target);
            }
        }
        throw conversion(v, target);
    }

    private long exactLong(int column, String target, long min, long max) throws SQLException {
        Number n = number(column, target);
        if (n == null) {
            return 0;
        }
        long l;
        if (n instanceof Integer || n instanceof Long) {
            l = n.longValue();
        } else {
            BigDecimal d = n instanceof BigDecimal b ? b : BigDecimal.valueOf(n.doubleValue());
            try {
                l = d.setScale(0, java.math.RoundingMode.DOWN).longValueExact();
            } catch (ArithmeticException e) {
                throw new SQLDataException(n + " is out of range for " + target + ".", "22003");
            }
        }
        if (l < min || l > max) {
            throw new SQLDataException(n + " is out of range for " + target + ".", "22003");
        }
        return l;
    }

    @Override
    public String getString(int column) throws SQLException {
        Object v = value(column);
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof LocalDateTime t) {
            return Timestamp.valueOf(t).toString();
        }
        if (v instanceof byte[] b) {
            return HexFormat.of().formatHex(b);
        }
        return v.toString();
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        Object v = value(column);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof String s) {
            String t = s.strip().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("1")) {
                return true;
            }
            if (t.equals("false") || t.equals("0")) {
                return false;
            }
        }
        throw conversion(v, "boolean");
    }

    @Override
    public byte getByte(int column) throws SQLException {
        return (byte) exactLong(column, "byte", Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    @Override
    public short getShort(int column) throws SQLException {
        return (short) exactLong(column, "short", Short.MIN_VALUE, Short.MAX_VALUE);
    }

    @Override
    public int getInt(int column) throws SQLException {
        return (int) exactLong(column, "int", Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public long getLong(int column) throws SQLException {
        return exactLong(column, "long", Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    public float getFloat(int column) throws SQLException {
        Number n = number(column, "float");
        return n == null ? 0f : n.floatValue();
    }

    @Override
    public double getDouble(int column) throws SQLException {
        Number n = number(column, "double");
        return n == null ? 0.0 : n.doubleValue();
    }

    @Override
    public BigDecimal getBigDecimal(int column) throws SQLException {
        Number n = number(column, "BigDecimal");
        if (n == null) {
            return null;
        }
        return n instanceof BigDecimal d ? d : n instanceof Double ? BigDecimal.valueOf(n.doubleValue())
                : BigDecimal.valueOf(n.longValue());
    }

    @Override
    public byte[] getBytes(int column) throws SQLException {
        Object v = value(column);
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return b.clone();
        }
        throw conversion(v, "bytes");
    }

    @Override
    public Date getDate(int column) throws SQLException {
        Object v = value(column);
        if (v == null) {
            return null;
        }
        if (v instanceof LocalDate d) {
            return Date.valueOf(d);
        }
        if (v instanceof LocalDateTime t) {
            return Date.valueOf(t.toLocalDate());
        }
        throw conversion(v, "date");
    }

    @Override
    public Timestamp getTimestamp(int column) throws SQLException {
        Object v = value(column);
        if (v == null) {
            return null;
        }
        if (v instanceof LocalDateTime t) {
            return Timestamp.valueOf(t);
        }
        if (v instanceof LocalDate d) {
            return Timestamp.valueOf(d.atStartOfDay());
        }
        throw conversion(v, "timestamp");
    }

    @Override
    public Object getObject(int column) throws SQLException {
        Object v = value(column);
        return v instanceof byte[] b ? b.clone() : v;
    }

    @Override
    public <T> T getObject(int column, Class<T> type) throws SQLException {
        Object v = value(column);
        if (v == null) {
            return null;
        }
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        Object converted;
        if (type == String.class) {
            converted = getString(column);
        } else if (type == Integer.class) {
            converted = getInt(column);
        } else if (type == Long.class) {
            converted = getLong(column);
        } else if (type == Double.class) {
            converted = getDouble(column);
        } else if (type == BigDecimal.class) {
            converted = getBigDecimal(column);
        } else if (type == Boolean.class) {
            converted = getBoolean(column);
        } else if (type == Date.class) {
            converted = getDate(column);
        } else if (type == Timestamp.class) {
            converted = getTimestamp(column);
        } else {
            throw conversion(v, type.getName());
        }
        return type.cast(converted);
    }

    @Override
    public String getString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    @Override
    public boolean getBoolean(String label) throws SQLException {
        return getBoolean(findColumn(label));
    }

    @Override
    public byte getByte(String label) throws SQLException {
        return getByte(findColumn(label));
    }

    @Override
    public short getShort(String label) throws SQLException {
        return getShort(findColumn(label));
    }

    @Override
    public int getInt(String label) throws SQLException {
        return getInt(findColumn(label));
    }

    @Override
    public long getLong(String label) throws SQLException {
        return getLong(findColumn(label));
    }

    @Override
    public float getFloat(String label) throws SQLException {
        return getFloat(findColumn(label));
    }

    @Override
    public double getDouble(String label) throws SQLException {
        return getDouble(findColumn(label));
    }

    @Override
    public BigDecimal getBigDecimal(String label) throws SQLException {
        return getBigDecimal(findColumn(label));
    }

    @Override
    public byte[] getBytes(String label) throws SQLException {
        return getBytes(findColumn(label));
    }

    @Override
    public Date getDate(String label) throws SQLException {
        return getDate(findColumn(label));
    }

    @Override
    public Timestamp getTimestamp(String label) throws SQLException {
        return getTimestamp(findColumn(label));
    }

    @Override
    public Object getObject(String label) throws SQLException {
        return getObject(findColumn(label));
    }

    @Override
    public <T> T getObject(String label, Class<T> type) throws SQLException {
        return getObject(findColumn(label), type);
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new NqResultSetMetaData(names, types);
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    @Override
    public int getType() {
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() {
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getFetchDirection() {
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        if (direction != ResultSet.FETCH_FORWARD) {
            throw new java.sql.SQLFeatureNotSupportedException("Result sets are forward-only.", "0A000");
        }
    }

    @Override
    public int getFetchSize() {
        return 0;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        if (rows < 0) {
            throw new SQLException("The fetch size must not be negative.", "22023");
        }
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return current != null ? (int) row : 0;
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        if (row > 0 || after) {
            return false;
        }
        if (lookahead == null) {
            lookahead = fetch();
        }
        return lookahead != null;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return after && row > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return row == 1 && current != null;
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
