package org.neuroquantum.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sqlline.SqlLine;

/** The driver through JDBC tools written elsewhere: the sqlline shell and the HikariCP connection pool. */
class JdbcToolsTest {
    @TempDir
    Path dir;

    String url() {
        return "jdbc:neuroquantum:" + dir.resolve("db") + "?eviction.policy=test-fifo&buffer.pool.size=1MB"
                + "&lock.wait-timeout=5s";
    }

    record SqlLineRun(SqlLine.Status status, String out, String err) {
    }

    private SqlLineRun sqlline(String... args) throws Exception {
        SqlLine sqlline = new SqlLine();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        sqlline.setOutputStream(out);
        sqlline.setErrorStream(err);
        List<String> all = new ArrayList<>(List.of("-u", url(), "-n", "", "-p", "", "--isolation=TRANSACTION_SERIALIZABLE"));
        all.addAll(List.of(args));
        SqlLine.Status status = sqlline.begin(all.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
                false);
        return new SqlLineRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void sqllineRunsAScriptAndShowsTablesAndResults() throws Exception {
        Path script = dir.resolve("script.sql");
        Files.writeString(script, String.join("\n",
                "CREATE TABLE sensors (id INT PRIMARY KEY, room VARCHAR NOT NULL, temp DOUBLE);",
                "CREATE INDEX sensors_temp ON sensors (temp);",
                "INSERT INTO sensors VALUES (1, 'kitchen', 21.5), (2, 'attic', 27.25), (3, 'cellar', NULL);",
                "SELECT room, temp FROM sensors WHERE temp > 25;",
                "!tables",
                "!columns sensors",
                "!primarykeys sensors",
                "!indexes sensors",
                "SELECT COUNT(*) AS n FROM sensors;",
                ""));
        SqlLineRun run = sqlline("--run=" + script, "--outputformat=csv", "--showHeader=true");
        assertEquals(SqlLine.Status.OK, run.status(), run.out() + run.err());
        String out = run.out();
        assertTrue(out.contains("'attic','27.25'"), out);
        assertFalse(out.contains("'kitchen','21.5'"), out);
        assertTrue(out.contains("'','','sensors','TABLE'"), out);
        assertTrue(out.contains("'','','sensors','temp','8','DOUBLE'"), out);
        assertTrue(out.contains("'','','sensors','id','1','sensors_pkey'"), out);
        assertTrue(out.contains("'','','sensors','true','','sensors_temp','3','1','temp','A'"), out);
        assertTrue(out.contains("'n'\n'3'"), out);
        assertTrue(run.err().contains("3 rows affected") && run.err().contains("1 row selected"), run.err());
    }

    @Test
    void sqllineReportsErrorsWithSqlState() throws Exception {
        SqlLineRun run = sqlline("-e", "SELECT * FROM nowhere");
        assertTrue((run.out() + run.err()).contains("42P01"), run.out() + run.err());
    }

    @Test
    void hikariPoolServesConcurrentWriters() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(2);
        config.setPoolName("nq-test");
        config.setConnectionTimeout(10_000);
        config.setValidationTimeout(2_000);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE readings (id INT PRIMARY KEY, writer INT NOT NULL, val BIGINT NOT NULL)");
            }
            int writers = 4;
            int perWriter = 50;
            ExecutorService threads = Executors.newFixedThreadPool(writers);
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(threads.submit(() -> {
                    int inserted = 0;
                    for (int i = 0; i < perWriter; i++) {
                        try (Connection c = pool.getConnection();
                                PreparedStatement p = c.prepareStatement("INSERT INTO readings VALUES (?, ?, ?)")) {
                            p.setInt(1, writer * 1000 + i);
                            p.setInt(2, writer);
                            p.setLong(3, (long) writer * i);
                            inserted += p.executeUpdate();
                        }
                    }
                    return inserted;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get(120, TimeUnit.SECONDS);
            }
            threads.shutdown();
            assertEquals(writers * perWriter, total);
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT writer, COUNT(*), SUM(val) FROM readings GROUP BY writer "
                            + "ORDER BY writer")) {
                for (int w = 0; w < writers; w++) {
                    assertTrue(rs.next());
                    assertEquals(w, rs.getInt(1));
                    assertEquals(perWriter, rs.getLong(2));
                    assertEquals((long) w * perWriter * (perWriter - 1) / 2, rs.getLong(3));
                }
                assertFalse(rs.next());
            }
            Set<Connection> seen = new HashSet<>();
            try (Connection a = pool.getConnection(); Connection b = pool.getConnection()) {
                assertTrue(a.isValid(1) && b.isValid(1));
                seen.add(a.unwrap(Connection.class));
                seen.add(b.unwrap(Connection.class));
            }
            assertEquals(2, seen.size(), "two pooled connections are two driver connections");
            assertTrue(pool.getHikariPoolMXBean().getTotalConnections() <= 4);
        }
    }

    @Test
    void pooledConnectionsAreResetBetweenBorrowers() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
                c.setAutoCommit(false);
                s.executeUpdate("INSERT INTO t VALUES (1)");
                // Returned to the pool with an open transaction: Hikari rolls it back and restores autocommit.
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
                assertTrue(c.getAutoCommit());
                assertTrue(rs.next());
                assertEquals(0, rs.getLong(1));
            }
        }
    }
}
