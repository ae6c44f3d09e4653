package org.neuroquantum.bench.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's arithmetic and verdicts on a hand-made set of JMH results, and how it edits an existing file. */
class StorageReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PKG = "org.neuroquantum.bench.storage.";
    private static final RunEnvironment ENV = new RunEnvironment("Test CPU, 2 CPUs", "24.0 GiB", "ext4 on /dev/x",
            "Test VM", "Linux", "0.10 0.20 0.30", 0);

    private final ArrayNode results = JSON.createArrayNode();
    private final List<Map<String, Object>> side = new ArrayList<>();

    private ObjectNode result(String benchmark, String engine, double score) {
        ObjectNode r = results.addObject();
        r.put("benchmark", PKG + benchmark);
        r.put("jmhVersion", "1.37");
        ObjectNode params = r.putObject("params");
        if (engine != null) {
            params.put("engine", engine);
        }
        ObjectNode metric = r.putObject("primaryMetric");
        metric.put("score", score);
        metric.put("scoreError", 0.5);
        return r;
    }

    private void sideMetric(String workload, String engine, String metric, Object value) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("workload", workload);
        e.put("engine", engine);
        e.put("metric", metric);
        e.put("value", value);
        side.add(e);
    }

    private String render() {
        return StorageReport.render(results, side, new StorageReport.Run("benchmarks/run-storage-suite.sh",
                "today", 1_000_000, List.of("neuroquantum", "rocksdb", "lmdb", "sqlite"), 12.5, ENV, ENV));
    }

    private static String row(String markdown, String startsWith) {
        return markdown.lines().filter(l -> l.startsWith(startsWith)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + startsWith + " in\n" + markdown));
    }

    @Test
    void targetsAreJudgedFromTheFigures() {
        // W1: NeuroQuantumDB loads 1M in 20 s, RocksDB in 10 s: half the rate, the target (1.0x) missed by 50%.
        result("W1BulkLoad.load", "neuroquantum", 20).with("params").put("order", "random");
        result("W1BulkLoad.load", "rocksdb", 10).with("params").put("order", "random");
        // W2: NeuroQuantumDB mean 2 us (500K ops/s), p99 4 us; RocksDB 4 us; LMDB 0.5 us (2M ops/s).
        result("W2PointLookup.get", "neuroquantum", 2).with("primaryMetric").putObject("scorePercentiles")
                .put("50.0", 1.5).put("99.0", 4.0).put("99.9", 9.0);
        result("W2PointLookup.get", "rocksdb", 4);
        result("W2PointLookup.get", "lmdb", 0.5);
        // W4: 1 thread 900/s against a raw sync rate of max(1000, 800) = 1000/s: 0.90x, met exactly.
        result("W4DurableCommit.threads01", "neuroquantum", 900);
        result("W4RawFsync.writeAndSync", null, 1000).with("params").put("metadata", "false");
        result("W4RawFsync.writeAndSync", null, 800).with("params").put("metadata", "true");
        // W6: 300 ms against SQLite's 200 ms: 1.5x the allowed time.
        result("W6CrashRecovery.recoverAndQuery", "neuroquantum", 300);
        result("W6CrashRecovery.recoverAndQuery", "sqlite", 200);
        sideMetric("W6", "neuroquantum", "recovery_ms", 120.0);
        // W8: 150 MB for 116 MB raw = 1.29x, within 1.5x.
        sideMetric("W8", "neuroquantum", "bytes_closed_random", 150_000_000L);

        String md = render();
        assertTrue(row(md, "| W1 |").contains("0.50×") && row(md, "| W1 |").contains("missed** by 50%"), md);
        assertTrue(row(md, "| W2 | lookups ≥ 1.0× RocksDB").contains("2.00×")
                && row(md, "| W2 | lookups ≥ 1.0× RocksDB").contains("**met**"), md);
        assertTrue(row(md, "| W2 | lookups ≥ 0.5× LMDB").contains("0.25×")
                && row(md, "| W2 | lookups ≥ 0.5× LMDB").contains("missed** by 50%"), md);
        assertTrue(row(md, "| W2 | p99").contains("4.00 µs") && row(md, "| W2 | p99").contains("**met**"), md);
        assertTrue(row(md, "| W4 | 1 thread").contains("raw sync 1,000") && row(md, "| W4 | 1 thread")
                .contains("**met**"), md);
        assertTrue(row(md, "| W6 |").contains("1.50× the allowed maximum"), md);
        assertTrue(row(md, "| W8 |").contains("1.29×") && row(md, "| W8 |").contains("**met**"), md);
        assertTrue(row(md, "| W3 |").contains("not measured"), md);
        assertTrue(row(md, "| neuroquantum | 500,000 | 2.00 | 1.50 | 4.00 | 9.00 |").endsWith("1.00× |"), md);
        assertTrue(row(md, "| neuroquantum | 300.0 |").contains("recovery_ms 120.0"), md);
        assertFalse(md.contains("Other builds shared"), "no other JVMs were running");
    }

    @Test
    void busyMachinesAreSaidSo() {
        RunEnvironment busy = new RunEnvironment("Test CPU, 2 CPUs", "24.0 GiB", "ext4", "VM", "Linux", "9.0 9.0 9.0",
                3);
        String md = StorageReport.render(results, side, new StorageReport.Run("cmd", "today", 1000,
                List.of("rocksdb"), 1, busy, ENV));
        assertTrue(md.contains("Other builds shared the 2 cores"), md);
    }

    @Test
    void theGeneratedSectionIsReplacedAndTheRestKept(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("benchmarks.md");
        Files.writeString(file, "# Benchmarks\n\nBuffer pool figures.\n", StandardCharsets.UTF_8);
        StorageReport.writeInto(file, StorageReport.BEGIN + "\nfirst\n" + StorageReport.END);
        Files.writeString(file, Files.readString(file) + "\n## Analysis\n\nhand-written\n");
        StorageReport.writeInto(file, StorageReport.BEGIN + "\nsecond\n" + StorageReport.END);
        String text = Files.readString(file);
        assertTrue(text.startsWith("# Benchmarks\n\nBuffer pool figures.\n"), text);
        assertTrue(text.contains("second") && !text.contains("first"), text);
        assertTrue(text.endsWith("## Analysis\n\nhand-written\n"), text);
        assertEquals(1, text.split(java.util.regex.Pattern.quote(StorageReport.END), -1).length - 1, text);
    }

    @Test
    void theSuiteKnowsEveryBenchmarkOfThePackage() throws IOException {
        String list;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> known = new ArrayList<>(StorageSuite.WORKLOADS);
        known.add("W1BulkLoad.load");
        int seen = 0;
        for (String line : list.split("\n")) {
            // JMH S <length> <benchmark class> S <length> <generated class> S <length> <method> ...
            String[] tokens = line.split(" ");
            if (tokens.length < 10 || !tokens[3].startsWith(PKG + "W")) {
                continue;
            }
            String name = tokens[3].substring(PKG.length()) + "." + tokens[9];
            assertTrue(known.contains(name), name + " is not in StorageSuite's list of workloads " + known);
            seen++;
        }
        assertEquals(known.size(), seen, "benchmarks of the suite in META-INF/BenchmarkList");
    }
}
