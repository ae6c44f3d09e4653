package org.neuroquantum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.testing.PluginJarBuilder;

/**
 * The assembled distribution as a user runs it: bin/neuroquantum in a separate JVM, plugins loaded from
 * plugins/ with their own class loaders. Runs after {@code package} (failsafe).
 */
class DistributionIT {
    private static final Path HOME = Paths.get(System.getProperty("nq.dist.home"));

    @TempDir
    Path work;

    record Run(int status, String out, String err) {
    }

    private static Run run(Path home, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve("neuroquantum").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Path out = Files.createTempFile("nq-out", ".txt");
        Path err = Files.createTempFile("nq-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("neuroquantum " + String.join(" ", args) + " did not finish");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theLayoutIsComplete() {
        assertTrue(Files.isExecutable(HOME.resolve("bin/neuroquantum")));
        assertTrue(Files.isRegularFile(HOME.resolve("conf/neuroquantum.properties")));
        assertTrue(Files.isDirectory(HOME.resolve("lib")));
        assertTrue(Files.isDirectory(HOME.resolve("plugins/eviction-" + Installation.version())),
                "the eviction plugin directory");
        assertTrue(Files.isRegularFile(HOME.getParent().resolve(HOME.getFileName() + ".tar.gz")), "the tarball");
    }

    @Test
    void pluginsListShowsTheEvictionPluginWithItsProviders() throws Exception {
        Run r = run(HOME, "plugins", "list", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode eviction = null;
        for (JsonNode p : root.get("plugins")) {
            if (p.get("name").asText().equals("eviction")) {
                eviction = p;
            }
        }
        assertTrue(eviction != null, r.out());
        assertTrue(eviction.get("loaded").asBoolean(), r.out());
        assertEquals(org.neuroquantum.spi.SpiVersion.current().toString(), eviction.get("spiVersion").asText());
        assertTrue(eviction.get("version").asText().matches("\\d+\\.\\d+\\.\\d+"), r.out());
        List<String> providers = new ArrayList<>();
        eviction.get("providers").get("eviction").forEach(n -> providers.add(n.asText()));
        assertTrue(providers.containsAll(List.of("lru", "clock")), providers.toString());
        assertTrue(r.err().contains("Loaded plugin eviction"), "one log line per loaded plugin: " + r.err());
    }

    @Test
    void verifyPassesOnTheStockDistribution() throws Exception {
        Run r = run(HOME, "plugins", "verify");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("verify: OK"), r.out());
    }

    @Test
    void anIncompatiblePluginDirectoryMakesVerifyFail() throws Exception {
        Path home = copyOf(HOME);
        new PluginJarBuilder(work)
                .source("bad.P", PluginJarBuilder.evictionPluginSource("bad", "P", "bad", "\"x\"", ""))
                .serviceProvider("bad.P")
                .descriptor("from-the-future", "9.0.0", "2.0", "eviction:bad")
                .build(home.resolve("plugins/from-the-future-9.0.0/from-the-future-9.0.0.jar"));
        Run r = run(home, "plugins", "verify");
        assertEquals(1, r.status(), r.out());
        assertTrue(r.out().contains("NQ-2002") && r.out().contains("'from-the-future'")
                && r.out().contains("SPI 2.0.0"), r.out());
    }

    @Test
    void removingThePluginDirectoryRemovesThePlugin() throws Exception {
        Path home = copyOf(HOME);
        deleteTree(home.resolve("plugins/eviction-" + Installation.version()));
        Run r = run(home, "plugins", "verify");
        assertEquals(1, r.status(), r.out());
        assertTrue(r.out().contains("NQ-2007") && r.out().contains("eviction.policy"), r.out());
        Run withLru = run(home, "plugins", "verify", "--set", "eviction.policy=lru");
        assertEquals(1, withLru.status());
    }

    @Test
    void theProviderIsChosenByName() throws Exception {
        Run lru = run(HOME, "config", "--set", "eviction.policy=lru");
        assertEquals(0, lru.status(), lru.err());
        assertTrue(lru.out().lines().anyMatch(l -> l.matches("eviction\\.policy\\s+lru\\s+--set.*")), lru.out());
        assertTrue(lru.out().contains("eviction.clock.max-reference-count"), "plugin keys are listed: " + lru.out());
        Run unknown = run(HOME, "plugins", "verify", "--set", "eviction.policy=belady");
        assertEquals(1, unknown.status());
        assertTrue(unknown.out().contains("lru (plugin eviction") && unknown.out().contains("clock (plugin eviction"),
                unknown.out());
    }

    @Test
    void theCrashDemoFindsEveryAcknowledgedRow() throws Exception {
        Run r = run(HOME, "demo", "crash", "--rows", "3000", "--format", "json", "--dir",
                work.resolve("crash-db").toString());
        assertEquals(0, r.status(), r.out() + r.err());
        JsonNode result = new ObjectMapper().readTree(r.out());
        assertTrue(result.get("allAcknowledgedRowsPresent").asBoolean(), r.out());
        assertEquals(0, result.get("acknowledgedRowsMissing").asLong(), r.out());
        assertTrue(result.get("rowsAcknowledged").asLong() >= 3000, r.out());
        assertTrue(result.get("pointQueryFound").asBoolean(), r.out());
        assertEquals(Math.min(10_000, result.get("rowsPresent").asLong() - result.get("rowsAcknowledged").asLong() / 4),
                result.get("rangeQueryRows").asLong(), r.out());
        Run exists = run(HOME, "demo", "crash", "--rows", "10", "--dir", work.resolve("crash-db").toString());
        assertEquals(2, exists.status(), "an existing directory is refused: " + exists.err());
    }

    @Test
    void quboSolveRunsFromTheLauncherOnTheSharedData() throws Exception {
        Path data = Paths.get(System.getProperty("nq.root")).resolve("../shared/data").normalize();
        Run r = run(HOME, "qubo", "solve", "--problem", "tsp", "--instance", data.resolve("tsplib/berlin52.tsp")
                .toString(), "--time-limit", "1s", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(7542.0, root.get("reference").asDouble());
        JsonNode results = root.get("results");
        assertEquals(3, results.size(), r.out());
        JsonNode nativeSearch = results.get(2);
        assertTrue(nativeSearch.get("feasible").asBoolean());
        assertTrue(nativeSearch.get("ratio").asDouble() >= 1.0, r.out());
        Run col = run(HOME, "qubo", "solve", "--problem", "coloring", "--instance",
                data.resolve("coloring/myciel4.col").toString(), "--time-limit", "500ms");
        assertEquals(0, col.status(), col.err());
        assertTrue(col.out().contains("chromatic number: 5"), col.out());
    }

    @Test
    void helpWorksFromTheLauncher() throws Exception {
        Run r = run(HOME, "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("plugins") && r.out().contains("config") && r.out().contains("version"), r.out());
    }

    private Path copyOf(Path home) throws IOException {
        Path copy = work.resolve("installation");
        try (Stream<Path> files = Files.walk(home)) {
            for (Path source : files.collect(Collectors.toList())) {
                Path target = copy.resolve(home.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return copy;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
