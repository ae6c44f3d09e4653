package org.neuroquantum.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.testing.PluginJarBuilder;
import org.neuroquantum.spi.ExtensionPoint;
import org.neuroquantum.spi.SpiVersion;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.PluginException;
import org.neuroquantum.spi.eviction.EvictionPolicy;

class PluginManagerTest {
    private static final SpiVersion KERNEL = SpiVersion.parse("1.0.0");

    @TempDir
    Path work;

    private Path plugins() throws Exception {
        return Files.createDirectories(work.resolve("plugins"));
    }

    /** A complete, valid eviction plugin in plugins/{dir}/. */
    private Path plugin(String dir, String name, String provider, String spi, String descriptionExpr,
            String constructorBody, Path... libraries) throws Exception {
        String pkg = "test." + name.replace('-', '_');
        PluginJarBuilder builder = new PluginJarBuilder(work)
                .source(pkg + ".TestPlugin", PluginJarBuilder.evictionPluginSource(pkg, "TestPlugin", provider,
                        descriptionExpr, constructorBody))
                .serviceProvider(pkg + ".TestPlugin")
                .descriptor(name, "1.0.0", spi, "eviction:" + provider);
        Path target = plugins().resolve(dir);
        for (Path library : libraries) {
            builder.classPath(library);
            Files.createDirectories(target);
            Files.copy(library, target.resolve(library.getFileName()));
        }
        return builder.build(target.resolve(name + ".jar"));
    }

    private static PluginRecord only(PluginManager manager) {
        assertEquals(1, manager.records().size(), () -> manager.records().toString());
        return manager.records().get(0);
    }

    private Path library(String version) {
        return new PluginJarBuilder(work)
                .source("com.example.shared.Greeting", "package com.example.shared;\n"
                        + "public class Greeting { public static String version() { return \"" + version + "\"; } }\n")
                .build(work.resolve("libs-" + version).resolve("shared-" + version + ".jar"));
    }

    @Test
    void pluginsSeeTheirOwnVersionOfABundledLibrary() throws Exception {
        String probe = "\"greeting=\" + com.example.shared.Greeting.version()"
                + " + \" context=\" + (Thread.currentThread().getContextClassLoader() == getClass().getClassLoader())"
                + " + \" kernel=\" + (getClass().getClassLoader().getResource(\"org/neuroquantum/engine/Kernel.class\") != null)";
        plugin("a-1.0.0", "alpha-plugin", "alpha", "1.0.0", probe, "", library("1"));
        plugin("b-1.0.0", "beta-plugin", "beta", "1.0.0", probe, "", library("2"));
        PluginManager manager = PluginManager.loadDirectory(plugins(), KERNEL);
        assertEquals(List.of(), manager.problems(), "problems");
        var alpha = manager.providers().resolve(ExtensionPoint.EVICTION, "alpha");
        var beta = manager.providers().resolve(ExtensionPoint.EVICTION, "beta");
        assertTrue(alpha.factory().description().startsWith("greeting=1 "), alpha.factory().description());
        assertTrue(beta.factory().description().startsWith("greeting=2 "), beta.factory().description());
        assertTrue(alpha.factory().description().endsWith("kernel=false"), "kernel internals must be hidden");
        assertNotSame(alpha.plugin().classLoader(), beta.plugin().classLoader());
        Class<?> a = Class.forName("com.example.shared.Greeting", false, alpha.plugin().classLoader());
        Class<?> b = Class.forName("com.example.shared.Greeting", false, beta.plugin().classLoader());
        assertNotSame(a, b);
        // The SPI is shared: both plugins implement the kernel's Plugin interface.
        assertSame(org.neuroquantum.spi.Plugin.class,
                Class.forName("org.neuroquantum.spi.Plugin", false, alpha.plugin().classLoader()));
    }

    @Test
    void providersAreCreatedWithThePluginClassLoaderAsContextLoader() throws Exception {
        plugin("ctx-1.0.0", "ctx", "ctx-policy", "1.0.0",
                "\"context=\" + (Thread.currentThread().getContextClassLoader() == getClass().getClassLoader())", "");
        PluginManager manager = PluginManager.loadDirectory(plugins(), KERNEL);
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        String seen = manager.providers().create(ExtensionPoint.EVICTION, "ctx-policy",
                org.neuroquantum.spi.eviction.EvictionPolicyFactory.class, f -> f.description());
        assertEquals("context=true", seen);
        assertSame(before, Thread.currentThread().getContextClassLoader(), "context loader restored");
        EvictionPolicy policy = manager.providers().create(ExtensionPoint.EVICTION, "ctx-policy",
                org.neuroquantum.spi.eviction.EvictionPolicyFactory.class, f -> f.create(null));
        policy.onInsert(7);
        policy.onInsert(8);
        assertEquals(7, policy.evict());
    }

    @Test
    void refusesAPluginBuiltAgainstAnotherSpiMajor() throws Exception {
        plugin("future-2.0.0", "future", "future-policy", "2.0", "\"x\"", "");
        PluginRecord record = only(PluginManager.loadDirectory(plugins(), KERNEL));
        assertFalse(record.loaded());
        PluginException e = record.error();
        assertEquals(ErrorCode.PLUGIN_INCOMPATIBLE, e.errorCode());
        assertTrue(e.getMessage().contains("'future'"), e.getMessage());
        assertTrue(e.getMessage().contains("SPI 2.0.0"), e.getMessage());
        assertTrue(e.getMessage().contains("SPI 1.0.0"), e.getMessage());
        assertTrue(e.remedy().contains("built against SPI 1.x"), e.remedy());
    }

    @Test
    void refusesAPluginBuiltAgainstANewerSpiMinor() throws Exception {
        plugin("newer-1.0.0", "newer", "newer-policy", "1.1", "\"x\"", "");
        PluginRecord record = only(PluginManager.loadDirectory(plugins(), KERNEL));
        assertEquals(ErrorCode.PLUGIN_INCOMPATIBLE, record.error().errorCode());
        assertTrue(record.error().getMessage().contains("SPI 1.1.0"), record.error().getMessage());
        assertTrue(record.error().remedy().contains("Upgrade NeuroQuantumDB"), record.error().remedy());
    }

    @Test
    void loadsAPluginBuiltAgainstAnOlderSpiMinor() throws Exception {
        plugin("older-1.0.0", "older", "older-policy", "1.2", "\"x\"", "");
        PluginManager manager = PluginManager.loadDirectory(plugins(), SpiVersion.parse("1.3.0"));
        assertTrue(only(manager).loaded(), () -> String.valueOf(only(manager).error()));
        assertEquals("older", manager.providers().resolve(ExtensionPoint.EVICTION, "older-policy").plugin()
                .descriptor().name());
    }

    @Test
    void refusesDuplicatePluginNamesNamingBothLocations() throws Exception {
        plugin("twin-1.0.0", "twin", "one", "1.0", "\"x\"", "");
        plugin("twin-2.0.0", "twin", "two", "1.0", "\"x\"", "");
        PluginManager manager = PluginManager.loadDirectory(plugins(), KERNEL);
        assertEquals(2, manager.records().stream().filter(r -> !r.loaded()).count());
        assertEquals(1, manager.problems().size(), "the shared problem is listed once");
        for (PluginException e : manager.problems()) {
            assertEquals(ErrorCode.PLUGIN_DUPLICATE, e.errorCode());
            assertTrue(e.getMessage().contains(plugins().resolve("twin-1.0.0").toString()), e.getMessage());
            assertTrue(e.getMessage().contains(plugins().resolve("twin-2.0.0").toString()), e.getMessage());
        }
        assertTrue(manager.loaded().isEmpty());
    }

    @Test
    void aJarWithADescriptorButNoProviderIsNamedInTheError() throws Exception {
        Path jar = new PluginJarBuilder(work).descriptor("hollow", "1.0.0", "1.0", "")
                .build(plugins().resolve("hollow-1.0.0").resolve("hollow.jar"));
        PluginException e = only(PluginManager.loadDirectory(plugins(), KERNEL)).error();
        assertEquals(ErrorCode.PLUGIN_NO_PROVIDER, e.errorCode());
        assertTrue(e.getMessage().contains("its jar " + jar), e.getMessage());
        assertTrue(e.getMessage().contains("META-INF/services/org.neuroquantum.spi.Plugin"), e.getMessage());
    }

    @Test
    void aDirectoryWhoseJarsHaveNoDescriptorIsNamedInTheError() throws Exception {
        Path jar = new PluginJarBuilder(work).resource("hello.txt", "hi")
                .build(plugins().resolve("stray").resolve("library.jar"));
        PluginException e = only(PluginManager.loadDirectory(plugins(), KERNEL)).error();
        assertEquals(ErrorCode.PLUGIN_NO_PROVIDER, e.errorCode());
        assertTrue(e.getMessage().contains(jar.getParent().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("library.jar"), e.getMessage());
    }

    @Test
    void aPluginJarDirectlyInThePluginsDirectoryIsRefused() throws Exception {
        Path jar = plugin("tmp", "loose", "loose-policy", "1.0", "\"x\"", "");
        Path moved = Files.move(jar, plugins().resolve("loose.jar"));
        Files.delete(plugins().resolve("tmp"));
        PluginException e = only(PluginManager.loadDirectory(plugins(), KERNEL)).error();
        assertTrue(e.getMessage().contains(moved.toString()), e.getMessage());
        assertTrue(e.remedy().contains("<name>-<version>"), e.remedy());
    }

    @Test
    void aThrowingConstructorIsReportedWithClassAndCause() throws Exception {
        plugin("boom-1.0.0", "boom", "boom-policy", "1.0", "\"x\"",
                "if (true) throw new IllegalStateException(\"disk quota of the plugin exceeded\");");
        PluginException e = only(PluginManager.loadDirectory(plugins(), KERNEL)).error();
        assertEquals(ErrorCode.PLUGIN_INSTANTIATION, e.errorCode());
        assertTrue(e.getMessage().contains("test.boom.TestPlugin"), e.getMessage());
        assertTrue(e.getMessage().contains("IllegalStateException: disk quota of the plugin exceeded"),
                e.getMessage());
    }

    @Test
    void aDescriptorThatDisagreesWithTheCodeIsRefused() throws Exception {
        Path jar = new PluginJarBuilder(work)
                .source("test.liar.TestPlugin", PluginJarBuilder.evictionPluginSource("test.liar", "TestPlugin",
                        "actual", "\"x\"", ""))
                .serviceProvider("test.liar.TestPlugin")
                .descriptor("liar", "1.0.0", "1.0", "eviction:claimed")
                .build(plugins().resolve("liar-1.0.0").resolve("liar.jar"));
        PluginException e = only(PluginManager.loadDirectory(plugins(), KERNEL)).error();
        assertEquals(ErrorCode.PLUGIN_DESCRIPTOR_MISMATCH, e.errorCode());
        assertTrue(e.getMessage().contains("eviction:actual") && e.getMessage().contains("eviction:claimed"),
                e.getMessage());
        assertTrue(Files.exists(jar));
    }

    @Test
    void aMalformedDescriptorNamesTheJarAndTheKey() throws Exception {
        new PluginJarBuilder(work).resource("META-INF/neuroquantum-plugin.properties", "name=bad\nversion=1\n")
                .build(plugins().resolve("bad").resolve("bad.jar"));
        PluginException e = only(PluginManager.loadDirectory(plugins(), KERNEL)).error();
        assertEquals(ErrorCode.PLUGIN_DESCRIPTOR_INVALID, e.errorCode());
        assertTrue(e.getMessage().contains("bad.jar") && e.getMessage().contains("spi.version"), e.getMessage());
    }

    @Test
    void twoPluginsOfferingTheSameProviderNameAreReported() throws Exception {
        plugin("first-1.0.0", "first", "same", "1.0", "\"first\"", "");
        plugin("second-1.0.0", "second", "same", "1.0", "\"second\"", "");
        PluginManager manager = PluginManager.loadDirectory(plugins(), KERNEL);
        List<PluginException> problems = manager.problems();
        assertEquals(1, problems.size());
        assertEquals(ErrorCode.PROVIDER_DUPLICATE, problems.get(0).errorCode());
        assertTrue(problems.get(0).getMessage().contains("'first'")
                && problems.get(0).getMessage().contains("'second'"), problems.get(0).getMessage());
        assertEquals("first", manager.providers().resolve(ExtensionPoint.EVICTION, "same").factory().description());
    }

    @Test
    void unknownProviderNamesListWhatIsAvailableAndWhereItCameFrom() throws Exception {
        plugin("avail-1.0.0", "avail", "present", "1.0", "\"x\"", "");
        PluginManager manager = PluginManager.loadDirectory(plugins(), KERNEL);
        PluginException e = assertThrows(PluginException.class,
                () -> manager.providers().resolve(ExtensionPoint.EVICTION, "absent"));
        assertEquals(ErrorCode.PROVIDER_UNKNOWN, e.errorCode());
        assertTrue(e.getMessage().contains("'absent'"), e.getMessage());
        assertTrue(e.getMessage().contains("present (plugin avail 1.0.0 at "
                + plugins().resolve("avail-1.0.0") + ")"), e.getMessage());
        assertTrue(e.remedy().contains("eviction.policy"), e.remedy());
    }

    @Test
    void aMissingPluginsDirectoryIsAProblem() throws Exception {
        PluginManager manager = PluginManager.loadDirectory(work.resolve("nowhere"), KERNEL);
        assertEquals(1, manager.problems().size());
        assertTrue(manager.problems().get(0).getMessage().contains(work.resolve("nowhere") + " does not exist"),
                manager.problems().get(0).getMessage());
        PluginException e = assertThrows(PluginException.class,
                () -> manager.providers().resolve(ExtensionPoint.EVICTION, "clock"));
        assertTrue(e.getMessage().contains("no loaded plugin provides any"), e.getMessage());
        Path file = Files.writeString(work.resolve("plugins-file"), "not a directory");
        assertTrue(PluginManager.loadDirectory(file, KERNEL).problems().get(0).getMessage()
                .contains("is not a directory"));
    }

    @Test
    void onTheClassPathABrokenServicesEntryIsNamedAndHealthyPluginsStillLoad() throws Exception {
        Path good = plugin("cp-good", "good", "good-policy", "1.0", "\"x\"", "");
        Path broken = new PluginJarBuilder(work).serviceProvider("com.example.Missing")
                .build(work.resolve("broken.jar"));
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(
                new java.net.URL[] {broken.toUri().toURL(), good.toUri().toURL()}, getClass().getClassLoader())) {
            PluginManager manager = PluginManager.loadClassPath(loader, KERNEL);
            assertTrue(manager.loaded().stream().anyMatch(r -> r.descriptor().name().equals("good")),
                    () -> manager.problems().toString());
            assertEquals(1, manager.problems().size());
            assertTrue(manager.problems().get(0).getMessage().contains(broken.toString()),
                    manager.problems().get(0).getMessage());
        }
    }

    @Test
    void hiddenEntriesInThePluginsDirectoryAreIgnored() throws Exception {
        Files.createDirectories(plugins().resolve(".trash"));
        assertTrue(PluginManager.loadDirectory(plugins(), KERNEL).records().isEmpty());
    }

    @Test
    void aProviderOfARefusedPluginIsExplainedByTheRefusal() throws Exception {
        plugin("newer-1.0.0", "newer", "newer-policy", "1.1", "\"x\"", "");
        PluginManager manager = PluginManager.loadDirectory(plugins(), KERNEL);
        PluginException e = assertThrows(PluginException.class,
                () -> manager.providers().resolve(ExtensionPoint.EVICTION, "newer-policy"));
        assertTrue(e.getMessage().contains("which was refused") && e.getMessage().contains("SPI 1.1.0"), e.getMessage());
        assertTrue(e.remedy().contains("Upgrade NeuroQuantumDB"), e.remedy());
    }

    @Test
    void emptyPluginDirectoryIsReported() throws Exception {
        Files.createDirectories(plugins().resolve("empty-1.0.0"));
        PluginException e = only(PluginManager.loadDirectory(plugins(), KERNEL)).error();
        assertTrue(e.getMessage().contains("contains no jar files"), e.getMessage());
    }

    @Test
    void recordsKeepDiscoveryOrder() throws Exception {
        plugin("b-1.0.0", "bbb", "b-policy", "1.0", "\"x\"", "");
        plugin("a-1.0.0", "aaa", "a-policy", "1.0", "\"x\"", "");
        PluginManager manager = PluginManager.loadDirectory(plugins(), KERNEL);
        assertEquals(List.of("aaa", "bbb"), manager.records().stream().map(PluginRecord::displayName)
                .collect(Collectors.toList()));
    }
}
