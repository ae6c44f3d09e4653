package org.neuroquantum.bench.sql;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Creates the eight TPC-H tables with the specification's column types and primary keys (no other index: every
 * engine gets the same schema) and fills them with the data of {@code io.trino.tpch}'s generator (dbgen's data) at
 * a scale factor, in batches of {@value #BATCH} rows per transaction.
 */
public final class TpchLoader {
    /** Rows per batch and transaction. */
    static final int BATCH = 10_000;

    private static final Map<String, String> PRIMARY_KEYS = Map.of("region", "r_regionkey", "nation", "n_nationkey",
            "part", "p_partkey", "supplier", "s_suppkey", "partsupp", "ps_partkey, ps_suppkey", "customer",
            "c_custkey", "orders", "o_orderkey", "lineitem", "l_orderkey, l_linenumber");

    private TpchLoader() {
    }

    /** Creates and fills every table; returns the number of rows loaded. */
    public static long load(SqlEngine engine, Connection connection, double scaleFactor) throws SQLException {
        long rows = 0;
        boolean autoCommit = connection.getAutoCommit();
        for (TpchTable<?> table : TpchTable.getTables()) {
            rows += loadTable(engine, connection, table, scaleFactor);
        }
        connection.setAutoCommit(autoCommit);
        return rows;
    }

    /** The CREATE TABLE statement of {@code table}. */
    static String createTable(TpchTable<?> table) {
        String columns = table.getColumns().stream().map(c -> c.getColumnName() + " " + sqlType(c) + " NOT NULL")
                .collect(Collectors.joining(", "));
        return "CREATE TABLE " + table.getTableName() + " (" + columns + ", PRIMARY KEY ("
                + PRIMARY_KEYS.get(table.getTableName()) + "))";
    }

    private static String sqlType(TpchColumn<?> column) {
        return switch (column.getType().getBase()) {
            case IDENTIFIER -> "BIGINT";
            case INTEGER -> "INTEGER";
            case DOUBLE -> "DECIMAL(15,2)";
            case DATE -> "DATE";
            case VARCHAR -> "VARCHAR(" + column.getType().getPrecision().orElse(255L) + ")";
        };
    }

    private static <E extends TpchEntity> long loadTable(SqlEngine engine, Connection connection, TpchTable<E> table,
            double scaleFactor) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(createTable(table));
        }
        List<TpchColumn<E>> columns = table.getColumns();
        String insert = "INSERT INTO " + table.getTableName() + " VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        connection.setAutoCommit(false);
        long rows = 0;
        try (PreparedStatement p = connection.prepareStatement(insert)) {
            for (E row : table.createGenerator(scaleFactor, 1, 1)) {
                for (int i = 0; i < columns.size(); i++) {
                    bind(engine, p, i + 1, columns.get(i), row);
                }
                p.addBatch();
                if (++rows % BATCH == 0) {
                    p.executeBatch();
                    connection.commit();
                }
            }
            p.executeBatch();
            connection.commit();
        }
        return rows;
    }

    private static <E extends TpchEntity> void bind(SqlEngine engine, PreparedStatement p, int index,
            TpchColumn<E> column, E row) throws SQLException {
        switch (column.getType().getBase()) {
            case IDENTIFIER -> p.setLong(index, column.getIdentifier(row));
            case INTEGER -> p.setInt(index, column.getInteger(row));
            case DOUBLE -> {
                if (engine == SqlEngine.SQLITE) {
                    p.setDouble(index, column.getDouble(row));
                } else {
                    p.setBigDecimal(index, BigDecimal.valueOf(column.getDouble(row)).setScale(2, RoundingMode.HALF_UP));
                }
            }
            case DATE -> engine.setDate(p, index, LocalDate.ofEpochDay(column.getDate(row)));
            case VARCHAR -> p.setString(index, column.getString(row));
        }
    }
}
