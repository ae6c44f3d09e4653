package org.neuroquantum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.testing.PluginJarBuilder;
import picocli.CommandLine;

/** The command in-process against a throw-away installation with plugins built on the fly. */
class CliTest {
    @TempDir
    Path home;

    record Result(int status, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--help") && !all.contains("--home") && !all.get(0).equals("help") && !all.get(0).equals("version")) {
            all.add("--home=" + home);
        }
        int status = Main.run(all.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }

    private void installPlugin(String name, String provider, String spi) throws Exception {
        String pkg = "cli." + name;
        new PluginJarBuilder(Files.createDirectories(home.resolve("work")))
                .source(pkg + ".P", PluginJarBuilder.evictionPluginSource(pkg, "P", provider, "\"test\"", ""))
                .serviceProvider(pkg + ".P")
                .descriptor(name, "2.3.4", spi, "eviction:" + provider)
                .build(home.resolve("plugins").resolve(name + "-2.3.4").resolve(name + ".jar"));
    }

    @Test
    void versionNamesProductKernelAndSpi() {
        Result r = run("version");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("NeuroQuantumDB " + Installation.version()), r.out());
        assertTrue(r.out().contains("SPI " + Installation.spiVersion()), r.out());
    }

    @Test
    void listShowsPluginsAsTableAndJson() throws Exception {
        installPlugin("fifo", "fifo", "1.0");
        Result table = run("plugins", "list");
        assertEquals(0, table.status(), table.err());
        assertTrue(table.out().contains("fifo") && table.out().contains("2.3.4") && table.out().contains("loaded"),
                table.out());
        Result json = run("plugins", "list", "--format", "json");
        JsonNode root = new ObjectMapper().readTree(json.out());
        JsonNode plugin = null;
        for (JsonNode p : root.get("plugins")) {
            if (p.get("name").asText().equals("fifo")) {
                plugin = p;
            }
        }
        assertTrue(plugin != null, json.out());
        assertEquals("built-in", root.get("plugins").get(0).get("location").asText(), "built-in providers first");
        assertEquals("fifo", plugin.get("name").asText());
        assertEquals("2.3.4", plugin.get("version").asText());
        assertEquals("1.0.0", plugin.get("spiVersion").asText(), "a plugin built against SPI 1.0 loads into 1.1");
        assertEquals("fifo", plugin.get("providers").get("eviction").get(0).asText());
        assertTrue(plugin.get("loaded").asBoolean());
        assertEquals(home.resolve("plugins").resolve("fifo-2.3.4").toString(), plugin.get("location").asText());
    }

    @Test
    void verifySucceedsWhenEverythingResolves() throws Exception {
        installPlugin("fifo", "fifo", "1.0");
        Result r = run("plugins", "verify", "--set", "eviction.policy=fifo");
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().contains("verify: OK"), r.out());
    }

    @Test
    void verifyFailsOnAnIncompatiblePluginNamingTheProblem() throws Exception {
        installPlugin("fifo", "fifo", "1.0");
        installPlugin("future", "future", "2.0");
        Result r = run("plugins", "verify", "--set", "eviction.policy=fifo");
        assertEquals(1, r.status(), r.out());
        assertTrue(r.out().contains("[NQ-2002]") && r.out().contains("'future'") && r.out().contains("SPI 2.0.0"),
                r.out());
        assertTrue(r.out().contains("Fix: "), r.out());
        Result list = run("plugins", "list");
        assertEquals(0, list.status());
        assertTrue(list.out().contains("refused (NQ-2002)"), list.out());
    }

    @Test
    void verifyFailsOnAnUnknownProviderListingTheAvailableOnes() throws Exception {
        installPlugin("fifo", "fifo", "1.0");
        Result r = run("plugins", "verify", "--set", "eviction.policy=arc");
        assertEquals(1, r.status());
        assertTrue(r.out().contains("[NQ-2007]") && r.out().contains("'arc'") && r.out().contains("fifo (plugin fifo"),
                r.out());
    }

    @Test
    void configShowsValuesAndOrigins() throws Exception {
        installPlugin("fifo", "fifo", "1.0");
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/neuroquantum.properties"), "eviction.policy=fifo\ntransports=\n");
        Result r = run("config", "--format", "json", "--set", "optimizer=");
        assertEquals(0, r.status(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        boolean seen = false;
        for (JsonNode v : root.get("values")) {
            if (v.get("key").asText().equals("eviction.policy")) {
                assertEquals("fifo", v.get("value").asText());
                assertTrue(v.get("origin").asText().endsWith("neuroquantum.properties"));
                seen = true;
            }
            if (v.get("key").asText().equals("optimizer")) {
                assertEquals("--set", v.get("origin").asText());
            }
        }
        assertTrue(seen, r.out());
    }

    @Test
    void badValuesFailNamingTheKeyAndUnknownKeysAreWarned() {
        Result bad = run("config", "--set", "eviction.policy=NOT OK");
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("eviction.policy") && bad.err().contains("NOT OK"), bad.err());
        Result unknown = run("config", "--set", "evicton.policy=lru");
        assertTrue(unknown.err().contains("Unknown configuration key 'evicton.policy'"), unknown.err());
        assertTrue(unknown.err().contains("Did you mean 'eviction.policy'?"), unknown.err());
        Result malformed = run("config", "--set", "novalue");
        assertEquals(1, malformed.status());
        assertTrue(malformed.err().contains("key=value"), malformed.err());
    }

    @Test
    void aBadValueOfAnotherKeyStillListsThePlugins() throws Exception {
        installPlugin("fifo", "fifo", "1.0");
        Result r = run("plugins", "list", "--set", "eviction.policy=LRU");
        assertTrue(r.out().contains("fifo") && r.out().contains("loaded"), r.out());
        assertTrue(r.out().contains("[NQ-1001]") && r.out().contains("eviction.policy"), r.out());
    }

    @Test
    void anEmptyEvictionPolicyIsRefused() {
        Result r = run("plugins", "verify", "--set", "eviction.policy=");
        assertEquals(1, r.status());
        assertTrue(r.out().contains("a provider must be named"), r.out());
    }

    @Test
    void aMissingHomeOrPluginsDirectoryIsReported() throws Exception {
        Result missing = run("config", "--home", this.home.resolve("nowhere").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("does not exist"), missing.err());
        Result plugins = run("plugins", "verify", "--set", "plugins.dir=missing");
        assertEquals(1, plugins.status());
        assertTrue(plugins.out().contains(this.home.resolve("missing") + " does not exist"), plugins.out());
    }

    @Test
    void everyCommandAnswersHelp() {
        CommandLine root = Main.commandLine();
        List<List<String>> paths = new ArrayList<>();
        collect(root, new ArrayList<>(), paths);
        assertTrue(paths.size() >= 6, paths.toString());
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Result r = run(args.toArray(new String[0]));
            assertEquals(0, r.status(), path + ": " + r.err());
            assertTrue(r.out().contains("Usage:"), path + ": " + r.out());
        }
    }

    private static void collect(CommandLine cli, List<String> path, List<List<String>> out) {
        out.add(path);
        cli.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> child = new ArrayList<>(path);
                child.add(name);
                collect(sub, child, out);
            }
        });
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("plugins", "list", "--format", "xml").status());
        assertEquals(2, run("no-such-command").status());
    }
}
