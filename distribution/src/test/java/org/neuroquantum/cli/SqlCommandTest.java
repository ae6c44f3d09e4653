package org.neuroquantum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.Kernel;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.sql.SqlSession;
import org.neuroquantum.engine.testing.PluginJarBuilder;

/** {@code neuroquantum sql} in-process against a throw-away installation (a FIFO eviction plugin built on the fly). */
class SqlCommandTest {
    @TempDir
    Path home;

    Path db;

    record Result(int status, String out, String err) {
    }

    @BeforeEach
    void installEviction() throws Exception {
        String pkg = "cli.fifo";
        new PluginJarBuilder(Files.createDirectories(home.resolve("work")))
                .source(pkg + ".P", PluginJarBuilder.evictionPluginSource(pkg, "P", "fifo", "\"test\"", ""))
                .serviceProvider(pkg + ".P")
                .descriptor("fifo", "1.0.0", "1.0", "eviction:fifo")
                .build(home.resolve("plugins").resolve("fifo-1.0.0").resolve("fifo.jar"));
        db = home.resolve("db");
    }

    private Result sql(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("sql", "--home=" + home, "--set", "eviction.policy=fifo",
                "--set", "buffer.pool.size=1MB"));
        if (!List.of(args).contains("--db") && !List.of(args).contains("--sample-rows")) {
            all.add("--db=" + db);
        }
        all.addAll(List.of(args));
        int status = Main.run(all.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void oneShotStatementsPrintAlignedTablesWithCountsAndTimings() {
        Result r = sql("-e", "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR, temp DOUBLE);"
                + "INSERT INTO t VALUES (1, 'kitchen', 21.5), (20, NULL, 7.25); "
                + "SELECT id, name, temp FROM t ORDER BY id");
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].startsWith("OK ("), r.out());
        assertTrue(lines[2].matches("2 rows affected \\(\\d+\\.\\d{3} ms\\)"), r.out());
        assertEquals("id | name    | temp", lines[4]);
        assertEquals("---+---------+-----", lines[5]);
        assertEquals(" 1 | kitchen | 21.5", lines[6]);
        assertEquals("20 | NULL    | 7.25", lines[7]);
        assertTrue(lines[8].matches("\\(2 rows, \\d+\\.\\d{3} ms\\)"), lines[8]);
    }

    @Test
    void csvAndJsonFormats() throws Exception {
        sql("-e", "CREATE TABLE t (id INT PRIMARY KEY, note VARCHAR, at TIMESTAMP); INSERT INTO t VALUES "
                + "(1, 'a, \"quoted\" note', TIMESTAMP '2024-01-31 10:00:00'), (2, NULL, NULL)");
        Result csv = sql("--format", "csv", "-e", "SELECT * FROM t ORDER BY id");
        assertEquals(0, csv.status(), csv.err());
        assertEquals("id,note,at\n1,\"a, \"\"quoted\"\" note\",2024-01-31 10:00:00\n2,,\n", csv.out());
        Result json = sql("--format", "json", "-e", "SELECT id, note FROM t ORDER BY id; DELETE FROM t WHERE id = 2;"
                + " SELECT nope FROM t");
        assertEquals(1, json.status());
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertEquals(3, root.size());
        assertEquals("[\"id\",\"note\"]", root.get(0).get("columns").toString());
        assertEquals("[[1,\"a, \\\"quoted\\\" note\"],[2,null]]", root.get(0).get("rows").toString());
        assertEquals(2, root.get(0).get("rowCount").asInt());
        assertEquals(1, root.get(1).get("updateCount").asInt());
        assertEquals("42703", root.get(2).get("error").get("sqlState").asText());
    }

    @Test
    void scriptErrorsNameFileAndLineAndStopTheScript() throws Exception {
        Path script = home.resolve("load.sql");
        Files.writeString(script, String.join("\n",
                "-- a small script",
                "CREATE TABLE t (id INT PRIMARY KEY, v INT);",
                "INSERT INTO t VALUES (1, 10);",
                "",
                "SELECT v",
                "  FROM t WHERE v = = 3;",
                "INSERT INTO t VALUES (2, 20);",
                "INSERT INTO t VALUES (1, 30);",
                "INSERT INTO t VALUES (3, 30);"));
        Result stop = sql("-f", script.toString());
        assertEquals(1, stop.status());
        assertTrue(stop.err().startsWith(script + ":5: ERROR 42601: Syntax error at line 6, column "), stop.err());
        assertEquals("1", sql("--format", "csv", "-e", "SELECT COUNT(*) FROM t").out().split("\n")[1],
                "nothing after the failing statement ran");

        sql("-e", "DROP TABLE t");
        Result go = sql("--continue-on-error", "-f", script.toString());
        assertEquals(1, go.status());
        assertTrue(go.err().contains(script + ":5: ERROR 42601"), go.err());
        assertTrue(go.err().contains(script + ":8: ERROR 23505"), go.err());
        assertEquals("3", sql("--format", "csv", "-e", "SELECT COUNT(*) FROM t").out().split("\n")[1]);
    }

    @Test
    void unknownNamesSaySqlStateAndSuggest() {
        sql("-e", "CREATE TABLE sensors (id INT PRIMARY KEY)");
        Result r = sql("-e", "SELECT * FROM sensor");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("-e:1: ERROR 42P01: Table sensor does not exist."), r.err());
        assertTrue(r.err().contains("Did you mean sensors?"), r.err());
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(2, sql("-e", "SELECT 1", "-f", "x.sql").status());
        Result missing = sql("-f", home.resolve("missing.sql").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("cannot read the script"), missing.err());
    }

    @Test
    void helpDocumentsExitCodesAndTheSample() {
        Result r = sql("--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("Exit status: 0 every statement succeeded; 1 a statement failed"), r.out());
        assertTrue(r.out().contains("sensors"), r.out());
    }

    @Test
    void theSampleIsCreatedOnceAndDeterministic() throws Exception {
        Path data = home.resolve("data");
        System.setProperty(SqlCommand.DATA_PROPERTY, data.toString());
        try {
            Result first = sql("--sample-rows", "600", "--format", "csv", "-e",
                    "SELECT COUNT(*), COUNT(DISTINCT sensor), COUNT(DISTINCT room), MIN(ts), MAX(ts) FROM sensors");
            assertEquals(0, first.status(), first.err());
            assertEquals("600,50,10,2024-01-01 00:00:00,2024-01-01 00:11:00", first.out().split("\n")[1]);
            assertTrue(first.err().contains("Creating the sample table sensors"), first.err());
            Result again = sql("--sample-rows", "600", "--format", "csv", "-e",
                    "SELECT id, sensor, room, temp, humidity FROM sensors WHERE temp > 20 ORDER BY id LIMIT 3");
            assertFalse(again.err().contains("Creating"), "the sample is loaded once");
            assertTrue(Files.isDirectory(data.resolve("sample")));
            // A second database loaded from the same seed holds the same rows.
            Result other = sql("--db", home.resolve("other").toString(), "--sample", "--sample-rows", "600",
                    "--format", "csv", "-e",
                    "SELECT id, sensor, room, temp, humidity FROM sensors WHERE temp > 20 ORDER BY id LIMIT 3");
            assertEquals(again.out(), other.out());
            assertEquals(4, again.out().split("\n").length, again.out());
        } finally {
            System.clearProperty(SqlCommand.DATA_PROPERTY);
        }
        try (Database d = Database.open(data.resolve("sample"), Kernel.start(Kernel.Options.installation(home,
                RawConfig.empty().set("eviction.policy", "fifo", "test"))));
                SqlSession s = new SqlSession(d)) {
            assertTrue(s.explain("SELECT * FROM sensors WHERE temp > 25").contains("index sensors_temp"),
                    "the temp index is there and chosen");
        }
    }

    @Test
    void interactiveSessionRunsMultiLineStatementsAndCommands() throws Exception {
        String typed = String.join("\n", "help", "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR);",
                "INSERT INTO t", "  VALUES (1, 'one'),", "  (2, 'two');", "SELECT v FROM t WHERE id = 2; SELECT",
                "COUNT(*) FROM t;", "\\d", "\\d t", "SELECT * FROM nope;", "BEGIN;", "INSERT INTO t VALUES (3, 'x');",
                "\\q", "SELECT 'never';", "");
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Path history = home.resolve("history");
        try (Database d = Database.open(db, Kernel.start(Kernel.Options.installation(home,
                RawConfig.empty().set("eviction.policy", "fifo", "test"))));
                SqlSession session = new SqlSession(d);
                Terminal terminal = new DumbTerminal("test", "dumb", new ByteArrayInputStream(
                        typed.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            PrintWriter w = terminal.writer();
            assertEquals(0, new SqlShell(session, ResultFormat.table, w, w).interactive(terminal, history, "hello"));
            terminal.flush();
            String out = screen.toString(StandardCharsets.UTF_8).replace("\r", "");
            assertTrue(out.contains("hello"), out);
            assertTrue(out.contains("\\d TABLE"), "help text: " + out);
            assertTrue(out.contains("2 rows affected"), out);
            assertTrue(out.contains("v\n---\ntwo\n(1 row, "), out);
            assertTrue(out.contains("COUNT(*)\n--------\n       2\n(1 row, "), out);
            assertTrue(out.contains("t     |       2 |"), "\\d lists t: " + out);
            assertTrue(out.contains("id     | INTEGER | no       | yes"), "\\d t: " + out);
            assertTrue(out.contains("ERROR 42P01: Table nope does not exist."), out);
            assertTrue(out.contains("The open transaction was rolled back."), out);
            assertFalse(out.contains("never"), out);
            try (SqlSession check = new SqlSession(d)) {
                assertEquals(2, check.execute("SELECT * FROM t").rows().size(), "the open transaction was undone");
            }
        }
        assertTrue(Files.readString(history).contains("INSERT INTO t"), "history is saved");
    }
}
