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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code neuroquantum evict-sim} from the assembled distribution: policies come from plugins/ (the eviction
 * plugin's own class loader), the trace from ../shared/data/traces. Runs after {@code package} (failsafe).
 */
class EvictSimIT {
    private static final Path HOME = Paths.get(System.getProperty("nq.dist.home"));
    private static final Path TRACES = Paths.get(System.getProperty("nq.root", "..")).resolve("../shared/data/traces")
            .normalize();
    private static final List<String> POLICIES = List.of("lru", "clock", "lru-2", "2q", "arc", "lirs", "clock-pro",
            "sieve", "s3-fifo", "w-tinylfu", "adaptive");

    @TempDir
    Path work;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(HOME.resolve("bin").resolve("neuroquantum").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("nq-out", ".txt");
        Path err = Files.createTempFile("nq-err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("neuroquantum " + String.join(" ", args) + " did not finish");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void pluginsListShowsEveryPolicy() throws Exception {
        Run r = run("plugins", "list");
        assertEquals(0, r.status(), r.err());
        for (String policy : POLICIES) {
            assertTrue(r.out().contains("eviction:" + policy), policy + " in " + r.out());
        }
    }

    @Test
    void replaysEveryInstalledPolicyWithOptAndCaffeine() throws Exception {
        Run r = run("evict-sim", "--trace", TRACES.resolve("lirs-gli.trace.gz").toString(), "--format", "lirs",
                "--size", "1000,2000", "--format-out", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(6015, root.get("accesses").asInt());
        List<String> seen = new ArrayList<>();
        for (JsonNode result : root.get("results")) {
            String policy = result.get("policy").asText();
            if (result.get("size").asInt() == 1000) {
                seen.add(policy);
            }
            if (policy.equals("lru")) {
                assertEquals(result.get("size").asInt() == 1000 ? 11.21 : 57.41, result.get("hitRatio").asDouble());
            }
            if (policy.equals("opt")) {
                assertEquals(result.get("size").asInt() == 1000 ? 53.15 : 57.96, result.get("hitRatio").asDouble());
            }
        }
        List<String> expected = new ArrayList<>(POLICIES);
        expected.add("opt");
        expected.add("caffeine");
        assertEquals(expected, seen);
    }

    @Test
    void tableOutputAndConfigurationKeysReachThePolicies() throws Exception {
        Path keys = work.resolve("keys.txt");
        Files.writeString(keys, "# a loop over three keys\na\nb\nc\na\nb\nc\na\nb\nc\n");
        Run r = run("evict-sim", "--trace", keys.toString(), "--format", "keys", "--policy", "clock,lru",
                "--size", "2,3", "--set", "eviction.clock.max-reference-count=3");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("9 accesses, 3 distinct"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("lru\\s+0\\.00\\s+66\\.67")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("opt \\(Belady\\)\\s+44\\.44\\s+66\\.67")), r.out());
        Run bad = run("evict-sim", "--trace", keys.toString(), "--format", "keys", "--policy", "clock",
                "--size", "2", "--set", "eviction.clock.max-reference-count=99");
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("eviction.clock.max-reference-count"), bad.err());
    }

    @Test
    void badInputIsReportedWithFileAndLine() throws Exception {
        Path arc = work.resolve("bad.lis");
        Files.writeString(arc, "1 2 0 0\n7 many 0 0\n");
        Run r = run("evict-sim", "--trace", arc.toString(), "--format", "arc", "--size", "10");
        assertEquals(1, r.status());
        assertTrue(r.err().contains(arc + ":2:") && r.err().contains("'many' is not an integer"), r.err());
        Path good = work.resolve("good.lis");
        Files.writeString(good, "1 2 0 0\n");
        Run unknown = run("evict-sim", "--trace", good.toString(), "--format", "arc", "--size", "10", "--policy",
                "lru,belady");
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().contains("NQ-2007") && unknown.err().contains("adaptive"), unknown.err());
        Run format = run("evict-sim", "--trace", arc.toString(), "--format", "csv", "--size", "10");
        assertEquals(2, format.status());
        assertTrue(format.err().contains("lirs, arc, cache2k, keys"), format.err());
    }
}
