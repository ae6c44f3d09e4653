package org.neuroquantum.engine.jdbc;

import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import org.neuroquantum.engine.table.ColumnType;

/** Names and types of a result's columns. */
final class NqResultSetMetaData extends BaseResultSetMetaData {
    private final List<String> names;
    private final List<ColumnType> types;

    NqResultSetMetaData(List<String> names, List<ColumnType> types) {
        this.names = names;
        this.types = types;
    }

    private ColumnType type(int column) throws SQLException {
        if (column < 1 || column > names.size()) {
            throw new SQLException("Column index " + column + " is out of range 1 to " + names.size() + ".", "07009");
        }
        return types.get(column - 1);
    }

    /** The java.sql.Types code of a column type. */
    static int sqlType(ColumnType t) {
        return switch (t) {
            case BOOLEAN -> Types.BOOLEAN;
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case DOUBLE -> Types.DOUBLE;
            case DECIMAL -> Types.DECIMAL;
            case VARCHAR -> Types.VARCHAR;
            case DATE -> Types.DATE;
            case TIMESTAMP -> Types.TIMESTAMP;
            case BLOB -> Types.VARBINARY;
        };
    }

    @Override
    public int getColumnCount() {
        return names.size();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        type(column);
        return names.get(column - 1);
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return getColumnName(column);
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return sqlType(type(column));
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return type(column).name().toUpperCase(Locale.ROOT);
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        ColumnType t = type(column);
        return switch (t) {
            case DATE -> java.sql.Date.class.getName();
            case TIMESTAMP -> java.sql.Timestamp.class.getName();
            default -> t.javaClass().getName();
        };
    }

    @Override
    public int isNullable(int column) throws SQLException {
        type(column);
        return columnNullableUnknown;
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        type(column);
        return false;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return type(column) == ColumnType.VARCHAR;
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        type(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        type(column);
        return false;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        ColumnType t = type(column);
        return t == ColumnType.INTEGER || t == ColumnType.BIGINT || t == ColumnType.DOUBLE || t == ColumnType.DECIMAL;
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return switch (type(column)) {
            case BOOLEAN -> 5;
            case INTEGER -> 11;
            case BIGINT -> 20;
            case DATE -> 10;
            case TIMESTAMP -> 26;
            default -> 40;
        };
    }

    /** Precision and scale are not tracked per column yet: 0 means unknown. */
    @Override
    public int getPrecision(int column) throws SQLException {
        type(column);
        return 0;
    }

    @Override
    public int getScale(int column) throws SQLException {
        type(column);
        return 0;
    }

    @Override
    public String getTableName(int column) throws SQLException {
        type(column);
        return "";
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        type(column);
        return "";
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        type(column);
        return "";
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        type(column);
        return true;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        type(column);
        return false;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        type(column);
        return false;
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
