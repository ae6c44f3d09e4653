package org.neuroquantum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.plugin.PluginManager;
import org.neuroquantum.engine.testing.PluginJarBuilder;
import org.neuroquantum.spi.ExtensionPoint;
import org.neuroquantum.spi.PluginDescriptor;
import org.neuroquantum.spi.SpiVersion;
import org.neuroquantum.spi.eviction.EvictionPolicy;
import org.neuroquantum.spi.eviction.EvictionPolicyFactory;
import org.neuroquantum.spi.tool.PluginDescriptorGenerator;

/**
 * Builds the example of docs/spi-guide.md, exactly as printed there, into a separate jar with a generated
 * descriptor, loads it from a plugin directory and drives it through the SPI.
 */
class SpiGuideExampleTest {
    @TempDir
    Path work;

    @Test
    void theGuidesFifoPluginBuildsLoadsAndEvictsInInsertionOrder() throws Exception {
        String guide = Files.readString(Paths.get(System.getProperty("nq.root"), "docs", "spi-guide.md"));
        String source = block(guide, "java").get(0);
        String serviceFile = block(guide, "text").get(0).trim();
        Matcher cls = Pattern.compile("package ([\\w.]+);[\\s\\S]*?public class (\\w+)").matcher(source);
        assertTrue(cls.find(), "the guide's example declares a package and a public class");
        String className = cls.group(1) + "." + cls.group(2);
        assertEquals(className, serviceFile, "the services file names the plugin class");
        assertTrue(source.lines().count() <= 45, "the example stays short: " + source.lines().count() + " lines");

        Path bare = new PluginJarBuilder(work).source(className, source).serviceProvider(serviceFile)
                .build(work.resolve("bare.jar"));
        PluginDescriptor descriptor;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {bare.toUri().toURL()}, getClass().getClassLoader())) {
            descriptor = PluginDescriptorGenerator.describe(loader, bare, "fifo", "1.0.0", "FIFO example");
        }
        assertEquals(List.of("eviction:fifo"), descriptor.provides());

        Path pluginDir = work.resolve("plugins").resolve("fifo-1.0.0");
        new PluginJarBuilder(work).source(className, source).serviceProvider(serviceFile)
                .resource(PluginDescriptor.RESOURCE, descriptor.toPropertiesText())
                .build(pluginDir.resolve("fifo-1.0.0.jar"));
        PluginManager manager = PluginManager.loadDirectory(work.resolve("plugins"), SpiVersion.current());
        assertEquals(List.of(), manager.problems());

        EvictionPolicy fifo = manager.providers().create(ExtensionPoint.EVICTION, "fifo", EvictionPolicyFactory.class,
                f -> f.create(null));
        for (long page = 1; page <= 3; page++) {
            fifo.onInsert(page);
        }
        fifo.onAccess(1);
        fifo.onPin(2);
        assertEquals(1, fifo.evict(), "FIFO ignores accesses");
        assertEquals(3, fifo.evict(), "pinned page 2 is skipped");
        assertEquals(EvictionPolicy.NO_VICTIM, fifo.evict());
        fifo.onUnpin(2);
        assertEquals(2, fifo.evict());
    }

    private static List<String> block(String markdown, String language) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```" + language + "\\n([\\s\\S]*?)```").matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertTrue(!blocks.isEmpty(), "no ```" + language + " block in the guide");
        return blocks;
    }
}
