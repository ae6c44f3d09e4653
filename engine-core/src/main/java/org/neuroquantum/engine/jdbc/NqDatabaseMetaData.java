package org.neuroquantum.engine.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.sql.expr.Values;
import org.neuroquantum.engine.table.Column;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.engine.table.IndexDefinition;
import org.neuroquantum.engine.table.TableSchema;

/**
 * The catalog for JDBC tools: tables, columns, primary keys and indexes, and what the driver supports. There are
 * no catalogs or schemas (both are reported as NULL); name patterns are matched case-insensitively.
 */
final class NqDatabaseMetaData extends BaseDatabaseMetaData {
    private final NqConnection connection;

    NqDatabaseMetaData(NqConnection connection) {
        this.connection = connection;
    }

    private static ResultSet rows(String columns, List<ColumnType> types, List<Object[]> rows) {
        return new NqResultSet(null, List.of(columns.split(",")), types, rows);
    }

    private static List<ColumnType> types(String codes) {
        List<ColumnType> t = new ArrayList<>();
        for (char c : codes.toCharArray()) {
            t.add(switch (c) {
                case 'i' -> ColumnType.INTEGER;
                case 'l' -> ColumnType.BIGINT;
                case 'b' -> ColumnType.BOOLEAN;
                default -> ColumnType.VARCHAR;
            });
        }
        return t;
    }

    private static boolean matches(String pattern, String name) {
        if (pattern == null) {
            return true;
        }
        Pattern p = Values.likePattern(pattern.toLowerCase(Locale.ROOT));
        return p.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    private List<Table> tables(String pattern) throws SQLException {
        connection.checkOpen();
        List<Table> out = new ArrayList<>();
        for (String name : connection.database().tableNames()) {
            if (matches(pattern, name)) {
                connection.database().findTable(name).ifPresent(out::add);
            }
        }
        return out;
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (types == null || Arrays.stream(types).anyMatch("TABLE"::equalsIgnoreCase)) {
            for (Table t : tables(tableNamePattern)) {
                rows.add(new Object[] {null, null, t.name(), "TABLE", "", null, null, null, null, null});
            }
        }
        return rows("TABLE_CAT,TABLE_SCHEM,TABLE_NAME,TABLE_TYPE,REMARKS,TYPE_CAT,TYPE_SCHEM,TYPE_NAME,"
                + "SELF_REFERENCING_COL_NAME,REF_GENERATION", types("ssssssssss"), rows);
    }

    @Override
    public ResultSet getTableTypes() {
        return rows("TABLE_TYPE", types("s"), List.<Object[]>of(new Object[] {"TABLE"}));
    }

    @Override
    public ResultSet getSchemas() {
        return rows("TABLE_SCHEM,TABLE_CATALOG", types("ss"), List.of());
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) {
        return getSchemas();
    }

    @Override
    public ResultSet getCatalogs() {
        return rows("TABLE_CAT", types("s"), List.of());
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Table t : tables(tableNamePattern)) {
            List<Column> columns = t.schema().columns();
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                if (!matches(columnNamePattern, c.name())) {
                    continue;
                }
                rows.add(new Object[] {null, null, t.name(), c.name(), NqResultSetMetaData.sqlType(c.type()),
                    c.type().name(), null, null, null, 10, c.nullable() ? columnNullable : columnNoNulls, "",
                    c.defaultValue(), null, null, null, i + 1, c.nullable() ? "YES" : "NO", null, null, null, null, "NO",
                    "NO"});
            }
        }
        return rows("TABLE_CAT,TABLE_SCHEM,TABLE_NAME,COLUMN_NAME,DATA_TYPE,TYPE_NAME,COLUMN_SIZE,BUFFER_LENGTH,"
                + "DECIMAL_DIGITS,NUM_PREC_RADIX,NULLABLE,REMARKS,COLUMN_DEF,SQL_DATA_TYPE,SQL_DATETIME_SUB,"
                + "CHAR_OCTET_LENGTH,ORDINAL_POSITION,IS_NULLABLE,SCOPE_CATALOG,SCOPE_SCHEMA,SCOPE_TABLE,"
                + "SOURCE_DATA_TYPE,IS_AUTOINCREMENT,IS_GENERATEDCOLUMN", types("ssssisiiiiisiiiiisssssss"), rows);
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Table t : tables(table)) {
            TableSchema s = t.schema();
            int[] key = s.primaryKey();
            for (int k = 0; k < key.length; k++) {
                rows.add(new Object[] {null, null, t.name(), s.columns().get(key[k]).name(), k + 1,
                    t.name() + "_pkey"});
            }
        }
        return rows("TABLE_CAT,TABLE_SCHEM,TABLE_NAME,COLUMN_NAME,KEY_SEQ,PK_NAME", types("ssssis"), rows);
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Table t : tables(table)) {
            for (IndexDefinition index : t.definition().indexes()) {
                if (unique && !index.unique()) {
                    continue;
                }
                int[] columns = index.columns();
                for (int k = 0; k < columns.length; k++) {
                    rows.add(new Object[] {null, null, t.name(), !index.unique(), null, index.name(),
                        (int) tableIndexOther, k + 1, t.schema().columns().get(columns[k]).name(), "A", null, null,
                        null});
                }
            }
        }
        return rows("TABLE_CAT,TABLE_SCHEM,TABLE_NAME,NON_UNIQUE,INDEX_QUALIFIER,INDEX_NAME,TYPE,ORDINAL_POSITION,"
                + "COLUMN_NAME,ASC_OR_DESC,CARDINALITY,PAGES,FILTER_CONDITION", types("sssbssiisslls"), rows);
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public String getURL() {
        return connection.url();
    }

    @Override
    public String getUserName() {
        return "";
    }

    @Override
    public String getDatabaseProductName() {
        return "NeuroQuantumDB";
    }

    @Override
    public String getDatabaseProductVersion() {
        return getDriverVersion();
    }

    @Override
    public int getDatabaseMajorVersion() {
        return 0;
    }

    @Override
    public int getDatabaseMinorVersion() {
        return 1;
    }

    @Override
    public String getDriverName() {
        return "NeuroQuantumDB JDBC driver";
    }

    @Override
    public String getDriverVersion() {
        return "0.1";
    }

    @Override
    public int getDriverMajorVersion() {
        return 0;
    }

    @Override
    public int getDriverMinorVersion() {
        return 1;
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 2;
    }

    @Override
    public String getIdentifierQuoteString() {
        return "\"";
    }

    @Override
    public String getSQLKeywords() {
        return "";
    }

    @Override
    public String getCatalogSeparator() {
        return ".";
    }

    @Override
    public String getCatalogTerm() {
        return "catalog";
    }

    @Override
    public String getSchemaTerm() {
        return "schema";
    }

    @Override
    public String getSearchStringEscape() {
        return "";
    }

    @Override
    public String getExtraNameCharacters() {
        return "";
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_SERIALIZABLE;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level != Connection.TRANSACTION_NONE;
    }

    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean supportsBatchUpdates() {
        return true;
    }

    @Override
    public boolean supportsSavepoints() {
        return false;
    }

    @Override
    public boolean supportsGetGeneratedKeys() {
        return false;
    }

    @Override
    public boolean supportsMultipleResultSets() {
        return false;
    }

    @Override
    public boolean supportsOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsLimitedOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsFullOuterJoins() {
        return false;
    }

    @Override
    public boolean supportsStoredProcedures() {
        return false;
    }

    @Override
    public boolean supportsSubqueriesInIns() {
        return false;
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean nullsAreSortedHigh() {
        return true;
    }

    @Override
    public boolean nullsAreSortedLow() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtStart() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd() {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() {
        return true;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() {
        return false;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() {
        return false;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() {
        return true;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() {
        return false;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    @Override
    public int getMaxConnections() {
        return 0;
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
