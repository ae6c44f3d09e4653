package org.neuroquantum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/neuroquantum sql} of the assembled distribution, as a user runs it. Runs after package (failsafe). */
class SqlShellIT {
    private static final Path HOME = Paths.get(System.getProperty("nq.dist.home"));

    @TempDir
    Path work;

    record Run(int status, String out, String err) {
    }

    private Run run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(HOME.resolve("bin").resolve("neuroquantum").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_OPTS", "-Dneuroquantum.data=" + work.resolve("data"));
        Path in = Files.writeString(work.resolve("stdin.sql"), stdin == null ? "" : stdin);
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        builder.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("neuroquantum " + String.join(" ", args) + " did not finish");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void oneShotStatementsOnAFreshDatabase() throws Exception {
        String db = work.resolve("fresh").toString();
        Run r = run(null, "sql", "--db", db, "-e", "CREATE TABLE t (id INT PRIMARY KEY, name TEXT); "
                + "INSERT INTO t VALUES (1, 'one'), (2, 'two'); SELECT name FROM t WHERE id > 1");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("name\n----\ntwo\n(1 row, "), r.out());
        assertTrue(r.out().contains("2 rows affected"), r.out());
        Run bad = run(null, "sql", "--db", db, "-e", "SELECT * FROM tt");
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("-e:1: ERROR 42P01: Table tt does not exist."), bad.err());
        Run piped = run("SELECT COUNT(*) FROM t;\nSELECT name FROM t ORDER BY id DESC;\n", "sql", "--db", db,
                "--format", "csv");
        assertEquals(0, piped.status(), piped.err());
        assertEquals("COUNT(*)\n2\nname\ntwo\none\n", piped.out());
    }

    @Test
    void theDefaultDatabaseIsTheSensorsSampleWithItsIndex() throws Exception {
        Run r = run(null, "sql", "--sample-rows", "10000", "--format", "csv", "-e",
                "SELECT COUNT(*) FROM sensors; SELECT COUNT(*) FROM sensors WHERE temp > 25; "
                        + "SELECT index_name, scans FROM nq_stat_indexes WHERE kind = 'index'");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("Creating the sample table sensors: 10,000 of 10,000 rows"), r.err());
        assertTrue(Files.isRegularFile(work.resolve("data/sample/neuroquantum.db")), "the sample lives in data/");
        String[] lines = r.out().split("\n");
        assertEquals("10000", lines[1]);
        assertEquals("index_name,scans", lines[4]);
        assertEquals("sensors_temp,1", lines[5], "temp > 25 read the index on temp");
        Run again = run(null, "sql", "-e", "SELECT COUNT(*) FROM sensors");
        assertEquals(0, again.status(), again.err());
        assertTrue(!again.err().contains("Creating"), "created once: " + again.err());
    }
}
