package org.neuroquantum.engine.sql.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.sql.SqlSession;
import org.neuroquantum.engine.sql.exec.StatementResult;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

class SystemTablesTest {
    @TempDir
    Path dir;

    Database db;
    SqlSession sql;

    Database open(String slowThreshold) {
        return Database.open(dir, RawConfig.empty().set("eviction.policy", "test-fifo", "test")
                .set("buffer.pool.size", "1MB", "test").set("lock.wait-timeout", "20s", "test")
                .set("sql.slow-query-threshold", slowThreshold, "test"));
    }

    @BeforeEach
    void setUp() {
        db = open("0s");
        sql = new SqlSession(db);
        sql.execute("CREATE TABLE sensors (id INT PRIMARY KEY, room VARCHAR, temp DOUBLE)");
        sql.execute("CREATE INDEX sensors_temp ON sensors (temp)");
        StringBuilder insert = new StringBuilder("INSERT INTO sensors VALUES ");
        for (int i = 1; i <= 100; i++) {
            insert.append(i == 1 ? "" : ", ").append("(").append(i).append(", 'r").append(i % 4).append("', ")
                    .append(15 + i % 20).append(".5)");
        }
        sql.execute(insert.toString());
    }

    @AfterEach
    void tearDown() {
        sql.close();
        db.close();
    }

    private List<Object[]> rows(String query) {
        return sql.execute(query).rows();
    }

    @Test
    void statementsAreCountedPerNormalizedText() {
        sql.execute("SELECT * FROM sensors WHERE id = 3");
        sql.execute("SELECT * FROM sensors  WHERE id = 4");
        sql.execute("select * from sensors where temp > 33");
        assertThrows(NeuroQuantumException.class, () -> sql.execute("SELECT * FROM nowhere"));
        List<Object[]> rows = rows("SELECT query, calls, rows, total_ms, mean_ms, max_ms FROM nq_stat_statements "
                + "WHERE query LIKE '%sensors%' ORDER BY query");
        assertEquals(5, rows.size(), "CREATE TABLE, CREATE INDEX, the insert, two normalized selects");
        Object[] byId = rows.stream().filter(r -> r[0].equals("SELECT * FROM sensors WHERE id = ?")).findFirst()
                .orElseThrow();
        assertEquals(2L, byId[1]);
        assertEquals(2L, byId[2], "one row each");
        double total = (Double) byId[3];
        assertEquals(total / 2, (Double) byId[4], 0.002);
        assertTrue((Double) byId[5] <= total + 1e-9 && (Double) byId[5] >= (Double) byId[4] - 1e-9);
        Object[] byTemp = rows.stream().filter(r -> r[0].equals("select * from sensors where temp > ?")).findFirst()
                .orElseThrow();
        assertEquals(1L, byTemp[1]);
        assertEquals(10L, byTemp[2], "temp 34.5 occurs for i % 20 == 19: 5 rows; 33.5: 5 rows");
        Object[] insert = rows.stream().filter(r -> ((String) r[0]).startsWith("INSERT")).findFirst().orElseThrow();
        assertEquals(100L, insert[2]);
        assertTrue(((String) insert[0]).startsWith("INSERT INTO sensors VALUES (?, ?, ?), (?, ?, ?)"));
        assertEquals(1L, rows("SELECT value FROM nq_metrics WHERE name = 'sql.errors'").get(0)[0] instanceof Double
                ? ((Double) rows("SELECT value FROM nq_metrics WHERE name = 'sql.errors'").get(0)[0]).longValue()
                : -1L);
    }

    @Test
    void indexUsageIsCountedPerAccessMethod() {
        sql.execute("SELECT * FROM sensors WHERE temp >= 34");
        sql.execute("SELECT * FROM sensors WHERE temp >= 34");
        sql.execute("SELECT * FROM sensors WHERE id = 7");
        sql.execute("SELECT COUNT(*) FROM sensors WHERE room = 'r1'");
        List<Object[]> rows = rows("SELECT index_name, kind, scans, rows_read FROM nq_stat_indexes "
                + "WHERE table_name = 'sensors' ORDER BY kind");
        assertEquals(3, rows.size());
        assertEquals(List.of("full scan", "index", "primary key"), rows.stream().map(r -> r[1]).toList());
        assertEquals(null, rows.get(0)[0]);
        assertEquals(2L, rows.get(0)[2], "CREATE INDEX read the (then empty) table, the room query all of it");
        assertEquals(100L, rows.get(0)[3]);
        assertEquals("sensors_temp", rows.get(1)[0]);
        assertEquals(2L, rows.get(1)[2]);
        assertEquals(10L, rows.get(1)[3], "5 rows of 34.5, twice");
        assertEquals("sensors_pkey", rows.get(2)[0]);
        assertEquals(1L, rows.get(2)[2]);
        assertEquals(1L, rows.get(2)[3]);
    }

    @Test
    void lockWaitsAreVisibleWhileTheyLast() throws Exception {
        sql.begin();
        sql.execute("UPDATE sensors SET temp = 0 WHERE id = 1");
        ExecutorService other = Executors.newSingleThreadExecutor();
        CountDownLatch started = new CountDownLatch(1);
        try {
            Future<StatementResult> blocked = other.submit(() -> {
                try (SqlSession s = new SqlSession(db)) {
                    started.countDown();
                    return s.execute("UPDATE sensors SET temp = 1 WHERE id = 1");
                }
            });
            started.await();
            List<Object[]> waits = List.of();
            try (SqlSession observer = new SqlSession(db)) {
                for (int attempt = 0; attempt < 400 && waits.isEmpty(); attempt++) {
                    waits = observer.execute("SELECT txn_id, table_name, resource, mode, holders, blocked_by, "
                            + "waited_ms FROM nq_locks").rows();
                    if (waits.isEmpty()) {
                        Thread.sleep(25);
                    }
                }
                assertEquals(1, waits.size(), "the second UPDATE waits");
                Object[] w = waits.get(0);
                assertEquals("sensors", w[1]);
                // The UPDATE's key range scan locks the table shared; the waiter waits for the table or the row.
                assertTrue(w[2].equals("table") || ((String) w[2]).startsWith("key "), (String) w[2]);
                assertNotNull(w[3]);
                assertTrue(((String) w[4]).matches("\\d+:[A-Z]+"), (String) w[4]);
                assertEquals(((String) w[4]).split(":")[0], w[5], "it waits for the holder");
                assertTrue(!w[0].toString().equals(w[5]), "not for itself");
                assertTrue((Double) w[6] >= 0);
            }
            sql.commit();
            assertEquals(1L, blocked.get(30, TimeUnit.SECONDS).updateCount());
            try (SqlSession observer = new SqlSession(db)) {
                assertTrue(observer.execute("SELECT * FROM nq_locks").rows().isEmpty());
                Object[] waitsMetric = observer.execute("SELECT count FROM nq_metrics WHERE name = 'lock.waits'")
                        .rows().get(0);
                assertTrue((Long) waitsMetric[0] >= 1);
            }
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void pluginsListTheProvidersAndWhichAreInUse() {
        List<Object[]> rows = rows("SELECT plugin, extension_point, provider, in_use, loaded FROM nq_plugins "
                + "WHERE extension_point = 'eviction' AND provider = 'test-fifo'");
        assertEquals(1, rows.size());
        assertEquals(Boolean.TRUE, rows.get(0)[3]);
        assertEquals(Boolean.TRUE, rows.get(0)[4]);
        assertEquals(1, rows("SELECT * FROM nq_plugins WHERE provider = 'btree' AND in_use").size());
    }

    @Test
    void metricsExposeBufferPoolWalAndLocks() {
        List<String> names = rows("SELECT name FROM nq_metrics ORDER BY name").stream().map(r -> (String) r[0])
                .toList();
        for (String expected : List.of("buffer-pool.hits", "wal.appends", "wal.syncs", "lock.deadlocks",
                "lock.wait-time", "sql.statements", "txn.commits")) {
            assertTrue(names.contains(expected), expected + " in " + names);
        }
        Object[] hits = rows("SELECT count FROM nq_metrics WHERE name = 'buffer-pool.hits'").get(0);
        assertTrue((Long) hits[0] > 0);
    }

    @Test
    void systemTablesJoinAndAreReadOnlyAndUserTablesWin() {
        List<Object[]> joined = rows("SELECT i.index_name, s.calls FROM nq_stat_indexes i, nq_stat_statements s "
                + "WHERE i.kind = 'index' AND s.query LIKE 'CREATE INDEX%'");
        assertEquals(1, joined.size());
        assertEquals("sensors_temp", joined.get(0)[0]);
        NeuroQuantumException e = assertThrows(NeuroQuantumException.class,
                () -> sql.execute("DELETE FROM nq_locks"));
        assertEquals(ErrorCode.UNDEFINED_OBJECT, e.errorCode());
        sql.execute("CREATE TABLE nq_plugins (x INT)");
        sql.execute("INSERT INTO nq_plugins VALUES (42)");
        assertEquals(List.of(42), rows("SELECT * FROM nq_plugins").stream().map(r -> r[0]).toList());
    }

    @Test
    void slowStatementsAreLoggedWithTheirPlan() throws Exception {
        sql.close();
        db.close();
        db = open("1ms");
        sql = new SqlSession(db);
        // 2,000 rows with a commit cannot take less than a millisecond: the threshold is certainly crossed.
        StringBuilder insert = new StringBuilder("INSERT INTO sensors VALUES ");
        for (int i = 1000; i < 3000; i++) {
            insert.append(i == 1000 ? "" : ", ").append("(").append(i).append(", 'x', 99.5)");
        }
        sql.execute(insert.toString());
        sql.execute("SELECT COUNT(*)\nFROM sensors WHERE temp > 99 AND temp < 100");
        Path log = dir.resolve(StatementStatistics.SLOW_LOG);
        List<String> lines = Files.readAllLines(log);
        String insertLine = lines.stream().filter(l -> l.contains("statement=INSERT INTO sensors")).findFirst()
                .orElseThrow(() -> new AssertionError(lines.toString()));
        assertTrue(insertLine.matches("\\S+Z duration_ms=\\d+\\.\\d{3} rows=2000 statement=INSERT .* plan=-"),
                insertLine);
        Object[] slow = rows("SELECT count FROM nq_metrics WHERE name = 'sql.slow-statements'").get(0);
        assertNotNull(slow[0]);
        for (String line : lines) {
            if (line.contains("SELECT COUNT(*) FROM sensors WHERE temp > 99")) {
                assertTrue(line.contains("rows=1 ") && line.contains("plan=sensors: index sensors_temp"), line);
            }
        }
    }
}
