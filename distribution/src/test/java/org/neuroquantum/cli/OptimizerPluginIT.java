package org.neuroquantum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

/** The optimizer plugin in the assembled distribution: listed with dp and annealing, selectable by name. */
class OptimizerPluginIT {
    private static final Path HOME = Paths.get(System.getProperty("nq.dist.home"));

    record Run(int status, String out, String err) {
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(HOME.resolve("bin").resolve("neuroquantum").toString());
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
        Run r = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    @Test
    void pluginsListShowsDpAndAnnealing() throws Exception {
        Run r = run("plugins", "list", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode optimizer = null;
        for (JsonNode p : new ObjectMapper().readTree(r.out()).get("plugins")) {
            if (p.get("name").asText().equals("optimizer")) {
                optimizer = p;
            }
        }
        assertNotNull(optimizer, r.out());
        assertTrue(optimizer.get("loaded").asBoolean(), r.out());
        List<String> providers = new ArrayList<>();
        optimizer.get("providers").get("optimizer").forEach(n -> providers.add(n.asText()));
        assertEquals(List.of("dp", "annealing"), providers);
        assertTrue(Files.isDirectory(HOME.resolve("plugins/optimizer-" + Installation.version())));
    }

    @Test
    void optimizersAreSelectedByNameAndUnknownNamesAreRefused() throws Exception {
        for (String name : List.of("dp", "annealing")) {
            Run r = run("plugins", "verify", "--set", "optimizer=" + name);
            assertEquals(0, r.status(), r.out() + r.err());
        }
        Run limit = run("config", "--set", "optimizer=dp", "--set", "optimizer.dp.max-exact-relations=18");
        assertEquals(0, limit.status(), limit.err());
        assertTrue(limit.out().lines().anyMatch(l -> l.matches("optimizer\\.dp\\.max-exact-relations\\s+18\\s.*")),
                limit.out());
        Run unknown = run("plugins", "verify", "--set", "optimizer=genetic");
        assertEquals(1, unknown.status());
        assertTrue(unknown.out().contains("dp (plugin optimizer") && unknown.out().contains("annealing (plugin optimizer"),
                unknown.out());
    }
}
