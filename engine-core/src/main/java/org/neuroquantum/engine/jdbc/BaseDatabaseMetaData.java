package org.neuroquantum.engine.jdbc;

/**
 * Every operation of {@link java.sql.DatabaseMetaData} refused with {@link java.sql.SQLFeatureNotSupportedException};
 * the driver's classes extend this and implement what NeuroQuantumDB supports. Generated from the interface. The two
 * methods that cannot throw a checked exception ({@code getDriverMajorVersion}, {@code getDriverMinorVersion}) are
 * left abstract, so every implementation answers them.
 */
@SuppressWarnings({"deprecation", "unchecked", "rawtypes"})
abstract class BaseDatabaseMetaData implements java.sql.DatabaseMetaData {
    @Override
    public boolean allProceduresAreCallable() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.allProceduresAreCallable is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean allTablesAreSelectable() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.allTablesAreSelectable is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.autoCommitFailureClosesAllResultSets is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.dataDefinitionCausesTransactionCommit is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.dataDefinitionIgnoredInTransactions is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean deletesAreDetected(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.deletesAreDetected is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.doesMaxRowSizeIncludeBlobs is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean generatedKeyAlwaysReturned() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.generatedKeyAlwaysReturned is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getAttributes(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, java.lang.String arg3) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getAttributes is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getBestRowIdentifier(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, int arg3, boolean arg4) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getBestRowIdentifier is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.lang.String getCatalogSeparator() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getCatalogSeparator is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.lang.String getCatalogTerm() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getCatalogTerm is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getCatalogs() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getCatalogs is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getClientInfoProperties() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getClientInfoProperties is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getColumnPrivileges(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, java.lang.String arg3) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getColumnPrivileges is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getColumns(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, java.lang.String arg3) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getColumns is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.Connection getConnection() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getConnection is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getCrossReference(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, java.lang.String arg3, java.lang.String arg4, java.lang.String arg5) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getCrossReference is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getDatabaseMajorVersion() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getDatabaseMajorVersion is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getDatabaseMinorVersion() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getDatabaseMinorVersion is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.lang.String getDatabaseProductName() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getDatabaseProductName is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.lang.String getDatabaseProductVersion() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getDatabaseProductVersion is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getDefaultTransactionIsolation() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getDefaultTransactionIsolation is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.lang.String getDriverName() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getDriverName is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.lang.String getDriverVersion() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getDriverVersion is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getExportedKeys(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getExportedKeys is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.lang.String getExtraNameCharacters() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getExtraNameCharacters is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getFunctionColumns(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, java.lang.String arg3) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getFunctionColumns is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getFunctions(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getFunctions is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.lang.String getIdentifierQuoteString() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getIdentifierQuoteString is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getImportedKeys(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getImportedKeys is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getIndexInfo(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, boolean arg3, boolean arg4) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getIndexInfo is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getJDBCMajorVersion() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getJDBCMajorVersion is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getJDBCMinorVersion() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getJDBCMinorVersion is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getMaxBinaryLiteralLength() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getMaxBinaryLiteralLength is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getMaxCatalogNameLength() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getMaxCatalogNameLength is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getMaxCharLiteralLength() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getMaxCharLiteralLength is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getMaxColumnNameLength() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getMaxColumnNameLength is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getMaxColumnsInGroupBy() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getMaxColumnsInGroupBy is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getMaxColumnsInIndex() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getMaxColumnsInIndex is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getMaxColumnsInOrderBy() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getMaxColumnsInOrderBy is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getMaxColumnsInSelect() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getMaxColumnsInSelect is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getMaxColumnsInTable() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getMaxColumnsInTable is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getMaxConnections() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getMaxConnections is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getMaxCursorNameLength() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getMaxCursorNameLength is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getMaxIndexLength() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getMaxIndexLength is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getMaxProcedureNameLength() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getMaxProcedureNameLength is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getMaxRowSize() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getMaxRowSize is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getMaxSchemaNameLength() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getMaxSchemaNameLength is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getMaxStatementLength() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getMaxStatementLength is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getMaxStatements() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getMaxStatements is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getMaxTableNameLength() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getMaxTableNameLength is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getMaxTablesInSelect() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getMaxTablesInSelect is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getMaxUserNameLength() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getMaxUserNameLength is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.lang.String getNumericFunctions() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getNumericFunctions is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getPrimaryKeys(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getPrimaryKeys is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getProcedureColumns(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, java.lang.String arg3) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getProcedureColumns is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.lang.String getProcedureTerm() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getProcedureTerm is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getProcedures(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getProcedures is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getPseudoColumns(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, java.lang.String arg3) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getPseudoColumns is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getResultSetHoldability() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getResultSetHoldability is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.RowIdLifetime getRowIdLifetime() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getRowIdLifetime is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.lang.String getSQLKeywords() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getSQLKeywords is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public int getSQLStateType() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getSQLStateType is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.lang.String getSchemaTerm() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getSchemaTerm is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getSchemas() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getSchemas is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getSchemas(java.lang.String arg0, java.lang.String arg1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getSchemas is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.lang.String getSearchStringEscape() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getSearchStringEscape is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.lang.String getStringFunctions() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getStringFunctions is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getSuperTables(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getSuperTables is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getSuperTypes(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getSuperTypes is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.lang.String getSystemFunctions() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getSystemFunctions is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getTablePrivileges(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getTablePrivileges is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getTableTypes() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getTableTypes is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getTables(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, java.lang.String[] arg3) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getTables is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.lang.String getTimeDateFunctions() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getTimeDateFunctions is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getTypeInfo() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getTypeInfo is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getUDTs(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, int[] arg3) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getUDTs is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.lang.String getURL() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getURL is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.lang.String getUserName() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getUserName is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public java.sql.ResultSet getVersionColumns(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getVersionColumns is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean insertsAreDetected(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.insertsAreDetected is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean isCatalogAtStart() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.isCatalogAtStart is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean isReadOnly() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.isReadOnly is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean isWrapperFor(java.lang.Class<?> arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.isWrapperFor is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean locatorsUpdateCopy() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.locatorsUpdateCopy is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean nullPlusNonNullIsNull() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.nullPlusNonNullIsNull is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean nullsAreSortedAtEnd() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.nullsAreSortedAtEnd is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean nullsAreSortedAtStart() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.nullsAreSortedAtStart is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean nullsAreSortedHigh() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.nullsAreSortedHigh is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean nullsAreSortedLow() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.nullsAreSortedLow is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean othersDeletesAreVisible(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.othersDeletesAreVisible is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean othersInsertsAreVisible(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.othersInsertsAreVisible is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean othersUpdatesAreVisible(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.othersUpdatesAreVisible is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean ownDeletesAreVisible(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.ownDeletesAreVisible is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean ownInsertsAreVisible(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.ownInsertsAreVisible is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean ownUpdatesAreVisible(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.ownUpdatesAreVisible is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean storesLowerCaseIdentifiers() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.storesLowerCaseIdentifiers is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.storesLowerCaseQuotedIdentifiers is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean storesMixedCaseIdentifiers() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.storesMixedCaseIdentifiers is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.storesMixedCaseQuotedIdentifiers is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean storesUpperCaseIdentifiers() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.storesUpperCaseIdentifiers is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.storesUpperCaseQuotedIdentifiers is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsANSI92EntryLevelSQL is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsANSI92FullSQL() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsANSI92FullSQL is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsANSI92IntermediateSQL is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsAlterTableWithAddColumn is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsAlterTableWithDropColumn is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsBatchUpdates() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsBatchUpdates is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsCatalogsInDataManipulation is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsCatalogsInIndexDefinitions is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsCatalogsInPrivilegeDefinitions is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsCatalogsInProcedureCalls is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsCatalogsInTableDefinitions is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsColumnAliasing() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsColumnAliasing is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsConvert() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsConvert is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsConvert(int arg0, int arg1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsConvert is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsCoreSQLGrammar() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsCoreSQLGrammar is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsCorrelatedSubqueries() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsCorrelatedSubqueries is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsDataDefinitionAndDataManipulationTransactions is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsDataManipulationTransactionsOnly is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsDifferentTableCorrelationNames is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsExpressionsInOrderBy() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsExpressionsInOrderBy is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsExtendedSQLGrammar() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsExtendedSQLGrammar is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsFullOuterJoins() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsFullOuterJoins is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsGetGeneratedKeys() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsGetGeneratedKeys is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsGroupBy() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsGroupBy is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsGroupByBeyondSelect() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsGroupByBeyondSelect is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsGroupByUnrelated() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsGroupByUnrelated is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsIntegrityEnhancementFacility is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsLikeEscapeClause() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsLikeEscapeClause is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsLimitedOuterJoins() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsLimitedOuterJoins is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsMinimumSQLGrammar() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsMinimumSQLGrammar is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsMixedCaseIdentifiers is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsMixedCaseQuotedIdentifiers is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsMultipleOpenResults() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsMultipleOpenResults is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsMultipleResultSets() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsMultipleResultSets is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsMultipleTransactions() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsMultipleTransactions is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsNamedParameters() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsNamedParameters is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsNonNullableColumns() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsNonNullableColumns is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsOpenCursorsAcrossCommit is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsOpenCursorsAcrossRollback is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsOpenStatementsAcrossCommit is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsOpenStatementsAcrossRollback is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsOrderByUnrelated() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsOrderByUnrelated is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsOuterJoins() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsOuterJoins is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsPositionedDelete() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsPositionedDelete is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsPositionedUpdate() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsPositionedUpdate is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsResultSetConcurrency(int arg0, int arg1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsResultSetConcurrency is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsResultSetHoldability(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsResultSetHoldability is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsResultSetType(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsResultSetType is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsSavepoints() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsSavepoints is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsSchemasInDataManipulation() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsSchemasInDataManipulation is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsSchemasInIndexDefinitions is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsSchemasInPrivilegeDefinitions is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsSchemasInProcedureCalls is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsSchemasInTableDefinitions is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsSelectForUpdate() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsSelectForUpdate is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsStatementPooling() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsStatementPooling is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsStoredFunctionsUsingCallSyntax is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsStoredProcedures() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsStoredProcedures is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsSubqueriesInComparisons() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsSubqueriesInComparisons is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsSubqueriesInExists() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsSubqueriesInExists is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsSubqueriesInIns() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsSubqueriesInIns is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsSubqueriesInQuantifieds is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsTableCorrelationNames() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsTableCorrelationNames is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsTransactionIsolationLevel is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsTransactions() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsTransactions is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsUnion() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsUnion is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean supportsUnionAll() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.supportsUnionAll is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.unwrap is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean updatesAreDetected(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.updatesAreDetected is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean usesLocalFilePerTable() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.usesLocalFilePerTable is not supported by NeuroQuantumDB yet.", "0A000");
    }

    @Override
    public boolean usesLocalFiles() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.usesLocalFiles is not supported by NeuroQuantumDB yet.", "0A000");
    }
}
