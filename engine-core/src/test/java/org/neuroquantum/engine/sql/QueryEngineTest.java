package org.neuroquantum.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.sql.exec.StatementResult;
import org.neuroquantum.engine.sql.stats.ColumnStatistics;
import org.neuroquantum.engine.sql.stats.TableStatistics;
import org.neuroquantum.spi.error.NeuroQuantumException;

/**
 * The query engine: operator trees, EXPLAIN [ANALYZE], statistics, join order through the optimizer SPI (with the
 * test optimizers of engine-core's test plugin), hash joins against nested loops, the working-memory limit,
 * cancellation, statement timeouts and streaming.
 */
class QueryEngineTest {
    static final int BIG = 3000;

    @TempDir
    Path dir;
    Database db;
    SqlSession s;

    static RawConfig config(String... keyValues) {
        // No syncs: these tests are about queries, and a commit per loaded chunk need not wait for the device.
        RawConfig c = SqlSessionTest.config().set("sync.mode", "none", "test");
        for (int i = 0; i < keyValues.length; i += 2) {
            c = c.set(keyValues[i], keyValues[i + 1], "test");
        }
        return c;
    }

    /** Opens the database (creating and filling the tables the first time) with extra configuration. */
    void open(String... keyValues) {
        if (s != null) {
            s.close();
            db.close();
        }
        db = Database.open(dir, config(keyValues));
        s = new SqlSession(db);
        if (db.findTable("big").isEmpty()) {
            s.execute("CREATE TABLE big (id INT PRIMARY KEY, k INT, v INT, s TEXT)");
            // Loaded through the table API in one transaction: parsing thousands of VALUES rows is slow.
            try (org.neuroquantum.engine.txn.Transaction tx = db.begin()) {
                for (int i = 0; i < BIG; i++) {
                    db.table("big").insert(tx, new Object[] {i, i % 37 == 0 ? null : i % 50, i, "row " + i});
                }
                tx.commit();
            }
            s.execute("CREATE TABLE small (id INT PRIMARY KEY, k INT, name TEXT)");
            s.execute("INSERT INTO small VALUES (0, 0, 'a'), (1, 1, 'b'), (2, 2, 'c'), (3, 3, 'd'), (4, NULL, 'e'), "
                    + "(5, 60, 'f'), (6, 7, 'g'), (7, 7, 'h'), (8, 49, 'i'), (9, 10, 'j')");
        }
    }

    @AfterEach
    void close() {
        if (s != null) {
            s.close();
            db.close();
        }
    }

    List<String> lines(String sql) {
        List<String> out = new ArrayList<>();
        for (Object[] r : s.execute(sql).rows()) {
            out.add((String) r[0]);
        }
        return out;
    }

    List<List<Object>> sorted(String sql) {
        List<List<Object>> out = new ArrayList<>();
        for (Object[] r : s.execute(sql).rows()) {
            out.add(Arrays.asList(r));
        }
        out.sort(Comparator.comparing(Object::toString));
        return out;
    }

    static int lineOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + part + " in\n" + String.join("\n", lines));
    }

    static long number(String line, String name) {
        Matcher m = Pattern.compile(name + "=(\\d+)").matcher(line);
        assertTrue(m.find(), name + " in " + line);
        return Long.parseLong(m.group(1));
    }

    @Test
    void explainShowsTheOperatorTreeWithEstimates() {
        open();
        List<String> plan = lines("EXPLAIN SELECT k, COUNT(*) FROM big WHERE v > 10 GROUP BY k ORDER BY k LIMIT 3");
        assertTrue(plan.get(0).startsWith("Limit  (rows=3)"), plan.toString());
        assertTrue(plan.get(lineOf(plan, "Sort")).trim().startsWith("->  Sort"));
        assertTrue(plan.get(lineOf(plan, "HashAggregate")).trim().startsWith("->  HashAggregate"));
        String scan = plan.get(lineOf(plan, "Seq Scan on big"));
        // No statistics yet: 1000 rows assumed, a range keeps a third.
        assertEquals(333, number(scan, "rows"));
        assertTrue(plan.get(lineOf(plan, "Seq Scan on big") + 1).contains("Filter: big.v > 10"), plan.toString());
        assertEquals("Optimizer: none (joins in written order)", plan.get(plan.size() - 1));
        assertFalse(String.join("\n", plan).contains("actual"));
    }

    @Test
    void explainAnalyzeCountsRowsLoopsAndBuffers() {
        open();
        List<String> plan = lines("EXPLAIN ANALYZE SELECT id FROM big WHERE id < 100 ORDER BY id DESC LIMIT 5");
        assertEquals(5, number(plan.get(0), "actual rows"));
        String scan = plan.get(lineOf(plan, "Primary Key Scan on big"));
        assertEquals(100, number(scan, "actual rows"));
        assertEquals(1, number(scan, "loops"));
        int at = lineOf(plan, "Primary Key Scan on big");
        String buffers = plan.get(at + lineOf(plan.subList(at, plan.size()), "Buffers:"));
        assertTrue(buffers.contains("Buffers: shared hit="), buffers);
        assertTrue(number(buffers, "hit") + number(buffers, "read") > 0, buffers);
        assertTrue(plan.get(plan.size() - 1).startsWith("Execution Time: "));

        // The inner side of a nested loop is opened once per outer row.
        s.execute("CREATE INDEX big_k ON big (k)");
        s.execute("ANALYZE");
        List<String> join = lines("EXPLAIN ANALYZE SELECT s.name, b.id FROM small s JOIN big b ON b.k = s.k");
        String loop = join.get(lineOf(join, "Index Nested Loop"));
        String inner = join.get(lineOf(join, "Index Scan using big_k on big b"));
        long joined = sorted("SELECT s.name, b.id FROM small s JOIN big b ON b.k = s.k").size();
        assertEquals(joined, number(loop, "actual rows"));
        assertEquals(10, number(inner, "loops"));
        assertEquals(joined, number(inner, "actual rows"));

        List<String> json = lines("EXPLAIN (ANALYZE, FORMAT JSON) SELECT id FROM big WHERE id < 100 LIMIT 5");
        assertEquals(1, json.size());
        assertEquals(json.get(0).length(), new JsonCheck(json.get(0)).value(), json.get(0));
        assertTrue(json.get(0).startsWith("{\"Plan\": {\"Node Type\": \"Limit\", \"Plan Rows\": 5"), json.get(0));
        assertTrue(json.get(0).contains("\"Actual Rows\": 5, \"Actual Loops\": 1"), json.get(0));
        assertTrue(json.get(0).contains("\"Shared Hit Blocks\": "), json.get(0));
        assertTrue(json.get(0).contains("\"Optimizer\": {\"Name\": null}"), json.get(0));
        assertEquals(1, lines("EXPLAIN (FORMAT JSON) SELECT * FROM small").size());
        assertEquals("42601", assertThrows(NeuroQuantumException.class,
                () -> s.execute("EXPLAIN (FORMAT XML) SELECT 1")).errorCode().sqlState());
        assertEquals("0A000", assertThrows(NeuroQuantumException.class,
                () -> s.execute("EXPLAIN ANALYZE DELETE FROM small")).errorCode().sqlState());
    }

    static final String[] JOINS = {
        "SELECT s.name, b.id FROM small s JOIN big b ON b.k = s.k",
        "SELECT s.name, b.id FROM small s LEFT JOIN big b ON b.k = s.k AND b.v < 500",
        "SELECT s.name, b.id FROM big b LEFT JOIN small s ON s.k = b.k AND s.name <> 'h' WHERE b.id < 120",
        "SELECT s.name, COUNT(*), SUM(b.v) FROM big b, small s WHERE b.k = s.k AND b.v + s.id > 100 GROUP BY s.name",
        "SELECT s.name, t.name FROM small s JOIN small t ON s.k = t.k + 0 WHERE s.id <> t.id",
    };

    @Test
    void hashJoinsReturnWhatNestedLoopsReturn() {
        open("optimizer", "test-nested-loop");
        List<List<List<Object>>> expected = new ArrayList<>();
        for (String q : JOINS) {
            assertFalse(String.join("\n", lines("EXPLAIN " + q)).contains("Hash Join"), q);
            expected.add(sorted(q));
        }
        open();
        for (int i = 0; i < JOINS.length; i++) {
            String plan = String.join("\n", lines("EXPLAIN " + JOINS[i]));
            assertTrue(plan.contains("Hash Join"), plan);
            assertEquals(expected.get(i), sorted(JOINS[i]), JOINS[i]);
        }
        s.execute("CREATE INDEX big_k ON big (k)");
        s.execute("ANALYZE");
        assertTrue(String.join("\n", lines("EXPLAIN " + JOINS[0])).contains("Index Nested Loop"));
        assertEquals(expected.get(0), sorted(JOINS[0]));
        assertTrue(expected.get(1).size() > 10 && expected.get(2).size() > 100, "the joins match rows");
    }

    @Test
    void statisticsDriveEstimatesAndJoinOrder() {
        open("optimizer", "test-exhaustive");
        String query = "SELECT COUNT(*) FROM big b, small s WHERE b.k = s.k AND s.id < 3";
        List<List<Object>> count = sorted(query);
        s.execute("ANALYZE");
        List<String> plan = lines("EXPLAIN " + query);
        assertTrue(lineOf(plan, "on small s") < lineOf(plan, "on big b"), "the small side is the outer one:\n"
                + String.join("\n", plan));
        assertTrue(plan.contains("Optimizer: test-exhaustive"), plan.toString());
        assertTrue(plan.contains("  enumerated: 2"), plan.toString());
        // Histograms and distinct counts: v is uniform over 0..2999, k has 50 values.
        long range = number(lines("EXPLAIN SELECT * FROM big WHERE v < 300").get(2), "rows");
        assertTrue(range >= 250 && range <= 350, "estimate " + range);
        long eq = number(lines("EXPLAIN SELECT * FROM big WHERE k = 7").get(2), "rows");
        assertTrue(eq >= 50 && eq <= 70, "estimate " + eq);
        assertEquals(0, number(lines("EXPLAIN SELECT * FROM big WHERE k = 5000").get(2), "rows"));
        assertEquals(count, sorted(query));

        open();
        // Without an optimizer the written order stays.
        plan = lines("EXPLAIN " + query);
        assertTrue(lineOf(plan, "on big b") < lineOf(plan, "on small s"), String.join("\n", plan));
        assertEquals(count, sorted(query));
    }

    @Test
    void leftJoinedTablesStayAfterTheirPreservedSide() {
        open();
        String left = "SELECT s.name, b.id, t.name FROM small s LEFT JOIN big b ON b.k = s.k AND b.id < 200 "
                + "JOIN small t ON t.id = s.id";
        String inner = "SELECT s.name, b.id FROM small s, big b, small t WHERE b.k = s.k AND t.k = s.k AND t.id < 5";
        List<List<Object>> leftRows = sorted(left);
        List<List<Object>> innerRows = sorted(inner);
        open("optimizer", "test-reverse");
        List<String> plan = lines("EXPLAIN " + left);
        // Reversed would read b first; the left join keeps it after s (t, an inner join, may move).
        assertTrue(lineOf(plan, "on small s") < lineOf(plan, "on big b"), String.join("\n", plan));
        assertEquals(leftRows, sorted(left));
        plan = lines("EXPLAIN " + inner);
        assertTrue(lineOf(plan, "on small t") < lineOf(plan, "on big b")
                && lineOf(plan, "on big b") < lineOf(plan, "on small s"), String.join("\n", plan));
        assertEquals(innerRows, sorted(inner));
    }

    @Test
    void sortsSpillAndHashingOperatorsStopAtTheWorkingMemoryLimit() {
        open("sql.work-memory", "16KB");
        // Sort spills: an external merge sort over runs of at most 16KB gives the same order as in memory.
        List<Object[]> sorted = s.execute("SELECT v, s FROM big ORDER BY k DESC NULLS LAST, v").rows();
        assertEquals(BIG, sorted.size());
        for (int i = 1; i < BIG; i++) {
            Integer k0 = (Integer) sorted.get(i - 1)[0] % 37 == 0 ? null : (Integer) sorted.get(i - 1)[0] % 50;
            Integer k1 = (Integer) sorted.get(i)[0] % 37 == 0 ? null : (Integer) sorted.get(i)[0] % 50;
            boolean ordered = k1 == null || k0 != null && (k0 > k1 || k0.equals(k1)
                    && (Integer) sorted.get(i - 1)[0] < (Integer) sorted.get(i)[0]);
            assertTrue(ordered, "rows " + (i - 1) + " and " + i);
        }
        List<String> plan = lines("EXPLAIN ANALYZE SELECT v, s FROM big ORDER BY k DESC NULLS LAST, v");
        String method = plan.get(lineOf(plan, "Sort Method"));
        assertTrue(method.contains("external merge, 3000 rows spilled in "), method);
        assertTrue(number(method.replace(" runs", "").replace("in ", "runs="), "runs") > 5, method);

        NeuroQuantumException e = assertThrows(NeuroQuantumException.class,
                () -> s.execute("SELECT COUNT(*) FROM big b JOIN big c ON b.v = c.v").rows());
        assertEquals("53200", e.errorCode().sqlState());
        assertTrue(e.getMessage().contains("Hash Join") && e.getMessage().contains("sql.work-memory = 16384"),
                e.getMessage());
        e = assertThrows(NeuroQuantumException.class, () -> s.execute("SELECT DISTINCT s FROM big").rows());
        assertTrue(e.getMessage().contains("HashDistinct"), e.getMessage());
        e = assertThrows(NeuroQuantumException.class, () -> s.execute("SELECT s, COUNT(*) FROM big GROUP BY s"));
        assertTrue(e.getMessage().contains("HashAggregate"), e.getMessage());
        // Within the limit everything works, and the session goes on after the failures.
        assertEquals(10, s.execute("SELECT * FROM small ORDER BY k").rows().size());
        assertEquals(50, s.execute("SELECT k FROM big WHERE k IS NOT NULL GROUP BY k").rows().size());
    }

    static final String ENDLESS = "SELECT COUNT(*) FROM big a, big b, big c WHERE a.v + b.v + c.v >= 0";

    @Test
    void aStatementCanBeCancelledFromAnotherThreadAndReportsProgress() throws Exception {
        open();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<NeuroQuantumException> running = pool.submit(() -> assertThrows(NeuroQuantumException.class,
                    () -> s.execute(ENDLESS)));
            while (s.progress() < 10_000) {
                assertFalse(running.isDone(), "the query ended on its own");
                Thread.sleep(5);
            }
            s.cancel();
            NeuroQuantumException e = running.get(60, TimeUnit.SECONDS);
            assertEquals("57014", e.errorCode().sqlState());
            assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
            assertEquals(-1, s.progress());
            assertEquals(10, s.execute("SELECT * FROM small").rows().size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void jdbcCancelAndQueryTimeout() throws Exception {
        open();
        s.close();
        db.close();
        s = null;
        String url = "jdbc:neuroquantum:" + dir + "?eviction.policy=test-fifo&buffer.pool.size=256KB";
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            Future<SQLException> running = pool.submit(() -> assertThrows(SQLException.class,
                    () -> st.executeQuery(ENDLESS)));
            // Cancelling before the statement started does nothing, so keep asking until it stops.
            while (!running.isDone()) {
                st.cancel();
                Thread.sleep(5);
            }
            assertEquals("57014", running.get().getSQLState());

            st.setQueryTimeout(1);
            SQLException e = assertThrows(SQLException.class, () -> st.executeQuery(ENDLESS));
            assertEquals("57014", e.getSQLState());
            assertTrue(e.getMessage().contains("statement timeout of 1000 ms"), e.getMessage());
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM small")) {
                assertTrue(rs.next());
                assertEquals(10, rs.getInt(1));
            }
            st.setQueryTimeout(0);
            assertEquals(0, st.executeUpdate("ANALYZE small"));
            try (ResultSet rs = st.executeQuery("EXPLAIN ANALYZE SELECT * FROM small WHERE id < 4")) {
                assertEquals("QUERY PLAN", rs.getMetaData().getColumnLabel(1));
                assertTrue(rs.isBeforeFirst());
                assertTrue(rs.next());
                String top = rs.getString(1);
                assertTrue(top.startsWith("Project  (rows=") && top.contains("(actual rows=4 loops=1"), top);
            }
            st.setMaxRows(5);
            try (ResultSet rs = st.executeQuery("SELECT id FROM big ORDER BY id")) {
                int n = 0;
                while (rs.next()) {
                    assertEquals(n++, rs.getInt(1));
                }
                assertEquals(5, n);
                assertTrue(rs.isAfterLast());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void configuredStatementTimeout() {
        open();
        open("sql.statement-timeout", "100ms");
        assertEquals(100, s.statementTimeoutMillis());
        NeuroQuantumException e = assertThrows(NeuroQuantumException.class, () -> s.execute(ENDLESS));
        assertEquals("57014", e.errorCode().sqlState());
        // A change times out too (here while reading its SELECT) and leaves nothing behind.
        e = assertThrows(NeuroQuantumException.class,
                () -> s.execute("INSERT INTO small (id) SELECT a.id + b.id * 3000 + 10 FROM big a, big b"));
        assertEquals("57014", e.errorCode().sqlState());
        s.statementTimeoutMillis(0);
        assertEquals(10, s.execute("SELECT * FROM small").rows().size());
    }

    @Test
    void statisticsSurviveReopenAndDropTable() {
        open();
        s.execute("ANALYZE big");
        assertTrue(db.statistics("small").isEmpty());
        open();
        TableStatistics stats = TableStatistics.decode(db.statistics("BIG").orElseThrow(), "big");
        assertEquals(BIG, stats.rowCount());
        ColumnStatistics k = stats.column("k").orElseThrow();
        assertEquals(50, k.distinct());
        assertEquals(82.0 / BIG, k.nullFraction(), 1e-9);
        assertEquals(0, k.min());
        assertEquals(49, k.max());
        ColumnStatistics id = stats.column("id").orElseThrow();
        assertEquals(BIG, id.distinct());
        assertEquals(33, id.histogram().size());
        assertEquals(0, id.histogram().get(0));
        assertEquals(BIG - 1, id.histogram().get(32));
        assertEquals(stats, TableStatistics.decode(stats.encode(), "big"));
        assertEquals("42P01", assertThrows(NeuroQuantumException.class, () -> s.execute("ANALYZE nothere"))
                .errorCode().sqlState());
        s.execute("DROP TABLE big");
        s.close();
        db.close();
        db = Database.open(dir, config());
        s = new SqlSession(db);
        assertTrue(db.statistics("big").isEmpty());
    }

    @Test
    void resultsStreamAndStayReadableAfterLaterStatements() {
        open();
        StatementResult r = s.execute("SELECT id, v FROM big");
        assertNotNull(r.nextRow());
        // One row was produced; the scan has not read the table.
        assertTrue(r.context().rowsProcessed() < BIG, "processed " + r.context().rowsProcessed());
        assertEquals(1, r.context().rowsReturned());
        s.execute("UPDATE big SET v = -1 WHERE id = 2999");
        List<Object[]> rest = r.rows();
        assertEquals(BIG - 1, rest.size());
        assertEquals(2999, rest.get(rest.size() - 1)[1]);
        StatementResult closed = s.execute("SELECT * FROM big");
        closed.close();
        assertEquals(List.of(List.<Object>of(-1)), sorted("SELECT v FROM big WHERE id = 2999"));
    }

    /** A strict JSON syntax check (objects, arrays, strings, numbers, true/false/null): returns the end offset. */
    static final class JsonCheck {
        private final String text;
        private int at;

        JsonCheck(String text) {
            this.text = text;
        }

        int value() {
            space();
            char c = text.charAt(at);
            if (c == '{' || c == '[') {
                char close = c == '{' ? '}' : ']';
                at++;
                space();
                if (text.charAt(at) == close) {
                    at++;
                    return at;
                }
                while (true) {
                    if (c == '{') {
                        string();
                        space();
                        expect(':');
                    }
                    value();
                    space();
                    if (text.charAt(at) == ',') {
                        at++;
                        space();
                        continue;
                    }
                    expect(close);
                    return at;
                }
            }
            if (c == '"') {
                string();
            } else if (text.startsWith("true", at) || text.startsWith("null", at)) {
                at += 4;
            } else if (text.startsWith("false", at)) {
                at += 5;
            } else {
                Matcher m = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?").matcher(text).region(at, text.length());
                assertTrue(m.lookingAt(), "a JSON value at " + at);
                at = m.end();
            }
            return at;
        }

        private void string() {
            expect('"');
            while (text.charAt(at) != '"') {
                at += text.charAt(at) == '\\' ? 2 : 1;
            }
            at++;
        }

        private void expect(char c) {
            assertEquals(c, text.charAt(at), "at " + at);
            at++;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
