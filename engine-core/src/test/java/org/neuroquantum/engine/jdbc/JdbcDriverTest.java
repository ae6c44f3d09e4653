package org.neuroquantum.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcDriverTest {
    @TempDir
    Path dir;

    String url() {
        return "jdbc:neuroquantum:" + dir + "?eviction.policy=test-fifo&buffer.pool.size=256KB&lock.wait-timeout=2s";
    }

    @Test
    void driverIsFoundThroughServiceLoaderAndDriverManager() throws SQLException {
        assertTrue(ServiceLoader.load(Driver.class).stream().anyMatch(p -> p.type() == NeuroQuantumDriver.class));
        assertTrue(DriverManager.getDriver(url()) instanceof NeuroQuantumDriver);
        assertNull(new NeuroQuantumDriver().connect("jdbc:h2:mem:x", null));
    }

    @Test
    void statementsPreparedStatementsAndResultSets() throws SQLException {
        try (Connection c = DriverManager.getConnection(url())) {
            assertTrue(c.getAutoCommit());
            try (Statement s = c.createStatement()) {
                assertFalse(s.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(10) NOT NULL, "
                        + "price DECIMAL(8,2), added DATE, ok BOOLEAN)"));
                assertEquals(2, s.executeUpdate("INSERT INTO items VALUES (1, 'pen', 1.50, '2024-01-01', TRUE), "
                        + "(2, 'ink', NULL, NULL, FALSE)"));
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO items (id, name, price, added) VALUES (?, ?, ?, ?)")) {
                for (int i = 3; i <= 5; i++) {
                    p.setInt(1, i);
                    p.setString(2, "n" + i);
                    p.setBigDecimal(3, new BigDecimal(i + ".25"));
                    p.setDate(4, Date.valueOf("2024-02-0" + i));
                    p.addBatch();
                }
                assertArrayEquals(new int[] {1, 1, 1}, p.executeBatch());
            }
            try (PreparedStatement p = c.prepareStatement("SELECT id, name, price AS cost, added, ok FROM items "
                    + "WHERE id >= ? ORDER BY id")) {
                p.setLong(1, 2);
                try (ResultSet rs = p.executeQuery()) {
                    ResultSetMetaData md = rs.getMetaData();
                    assertEquals(5, md.getColumnCount());
                    assertEquals("cost", md.getColumnLabel(3));
                    assertEquals(Types.BIGINT, md.getColumnType(1));
                    assertEquals(Types.DECIMAL, md.getColumnType(3));
                    assertTrue(rs.next());
                    assertEquals(2L, rs.getLong("id"));
                    assertEquals("ink", rs.getString(2));
                    assertNull(rs.getBigDecimal("cost"));
                    assertTrue(rs.wasNull());
                    assertEquals(0, rs.getInt(3));
                    assertFalse(rs.getBoolean("ok"));
                    assertTrue(rs.next());
                    assertEquals(3, rs.getInt(1));
                    assertEquals(new BigDecimal("3.25"), rs.getBigDecimal(3));
                    assertEquals(3.25, rs.getDouble("COST"));
                    assertEquals(Date.valueOf("2024-02-03"), rs.getDate("added"));
                    assertTrue(rs.next());
                    assertTrue(rs.next());
                    assertFalse(rs.next());
                    assertThrows(SQLException.class, () -> rs.getInt(1));
                }
            }
        }
    }

    @Test
    void transactionsAndErrorsCarrySqlState() throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (k INT PRIMARY KEY, v TEXT)");
            c.setAutoCommit(false);
            s.executeUpdate("INSERT INTO t VALUES (1, 'a')");
            c.rollback();
            s.executeUpdate("INSERT INTO t VALUES (2, 'b')");
            c.commit();
            c.setAutoCommit(true);
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(k) FROM t")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
                assertEquals(2, rs.getInt(2));
            }
            SQLException e = assertThrows(SQLIntegrityConstraintViolationException.class,
                    () -> s.executeUpdate("INSERT INTO t VALUES (2, 'dup')"));
            assertEquals("23505", e.getSQLState());
            e = assertThrows(SQLSyntaxErrorException.class, () -> s.executeQuery("SELEC k FROM t"));
            assertEquals("42601", e.getSQLState());
            assertTrue(e.getMessage().contains("line 1, column 1"), e.getMessage());
            e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT kk FROM t"));
            assertEquals("42703", e.getSQLState());
            e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT k FROM tt"));
            assertEquals("42P01", e.getSQLState());
            assertEquals("07000", assertThrows(SQLException.class,
                    () -> s.executeQuery("DELETE FROM t WHERE k = 99")).getSQLState());
            try (PreparedStatement p = c.prepareStatement("SELECT v FROM t WHERE k = ?")) {
                assertEquals("07001", assertThrows(SQLException.class, p::executeQuery).getSQLState());
                assertEquals("07009", assertThrows(SQLException.class, () -> p.setInt(2, 1)).getSQLState());
            }
        }
    }

    @Test
    void connectionsToOneDirectoryShareTheDatabase() throws Exception {
        try (Connection a = DriverManager.getConnection(url()); Connection b = DriverManager.getConnection(url())) {
            assertEquals(2, DatabaseRegistry.references(dir));
            a.createStatement().execute("CREATE TABLE s (k INT PRIMARY KEY)");
            a.createStatement().executeUpdate("INSERT INTO s VALUES (7)");
            try (ResultSet rs = b.createStatement().executeQuery("SELECT k FROM s")) {
                assertTrue(rs.next());
                assertEquals(7, rs.getInt(1));
            }
            a.close();
            assertEquals(1, DatabaseRegistry.references(dir));
            assertTrue(a.isClosed());
            assertThrows(SQLException.class, a::createStatement);
        }
        assertEquals(0, DatabaseRegistry.references(dir));
        // Closed with its last connection: it opens again (another open in this JVM would fail on the lock).
        try (Connection c = DriverManager.getConnection(url());
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM s")) {
            assertTrue(rs.next());
            assertEquals(1L, rs.getLong(1));
        }
    }

    @Test
    void databaseMetaDataListsTablesColumnsKeysAndIndexes() throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id BIGINT, line INT, item TEXT NOT NULL, qty INT DEFAULT 1, "
                    + "PRIMARY KEY (id, line))");
            s.execute("CREATE TABLE notes (body TEXT)");
            s.execute("CREATE UNIQUE INDEX orders_item ON orders (item, qty)");
            java.sql.DatabaseMetaData md = c.getMetaData();
            assertEquals("NeuroQuantumDB", md.getDatabaseProductName());
            java.util.List<String> tables = new java.util.ArrayList<>();
            try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertEquals(java.util.List.of("notes", "orders"), tables);
            java.util.List<String> columns = new java.util.ArrayList<>();
            try (ResultSet rs = md.getColumns(null, null, "ORDERS", "%")) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME") + ":" + rs.getInt("DATA_TYPE") + ":"
                            + rs.getString("IS_NULLABLE") + ":" + rs.getInt("ORDINAL_POSITION")
                            + (rs.getString("COLUMN_DEF") == null ? "" : ":" + rs.getString("COLUMN_DEF")));
                }
            }
            assertEquals(java.util.List.of("id:" + Types.BIGINT + ":NO:1", "line:" + Types.INTEGER + ":NO:2",
                    "item:" + Types.VARCHAR + ":NO:3", "qty:" + Types.INTEGER + ":YES:4:1"), columns);
            try (ResultSet rs = md.getPrimaryKeys(null, null, "orders")) {
                assertTrue(rs.next());
                assertEquals("id", rs.getString("COLUMN_NAME"));
                assertEquals(1, rs.getInt("KEY_SEQ"));
                assertTrue(rs.next());
                assertEquals("line", rs.getString("COLUMN_NAME"));
                assertFalse(rs.next());
            }
            try (ResultSet rs = md.getIndexInfo(null, null, "orders", false, true)) {
                assertTrue(rs.next());
                assertEquals("orders_item", rs.getString("INDEX_NAME"));
                assertFalse(rs.getBoolean("NON_UNIQUE"));
                assertEquals("item", rs.getString("COLUMN_NAME"));
                assertTrue(rs.next());
                assertEquals("qty", rs.getString("COLUMN_NAME"));
                assertEquals(2, rs.getInt("ORDINAL_POSITION"));
                assertFalse(rs.next());
            }
        }
    }
}
