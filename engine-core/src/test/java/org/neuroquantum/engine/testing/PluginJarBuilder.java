package org.neuroquantum.engine.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.neuroquantum.spi.Plugin;
import org.neuroquantum.spi.PluginDescriptor;

/**
 * Builds real jars for plugin tests: compiles Java sources against the SPI (and any extra jars) with the
 * system compiler and packs the classes with whatever descriptor and service file a test wants, including
 * wrong ones.
 */
public final class PluginJarBuilder {
    private final Path workDirectory;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final List<Path> classPath = new ArrayList<>();

    /** A builder that keeps its intermediate files in {@code workDirectory}. */
    public PluginJarBuilder(Path workDirectory) {
        this.workDirectory = workDirectory;
        classPath.add(locationOf(Plugin.class));
    }

    /** Adds a Java source file for class {@code className} (fully qualified). */
    public PluginJarBuilder source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Adds a jar or directory to the compile class path. */
    public PluginJarBuilder classPath(Path entry) {
        classPath.add(entry);
        return this;
    }

    /** Lists {@code pluginClass} in {@code META-INF/services/org.neuroquantum.spi.Plugin}. */
    public PluginJarBuilder serviceProvider(String pluginClass) {
        return resource("META-INF/services/" + Plugin.class.getName(), pluginClass + "\n");
    }

    /** Adds a descriptor with the given fields. */
    public PluginJarBuilder descriptor(String name, String version, String spiVersion, String provides) {
        return resource(PluginDescriptor.RESOURCE, "name=" + name + "\nversion=" + version
                + "\ndescription=test plugin " + name + "\nspi.version=" + spiVersion + "\nprovides=" + provides + "\n");
    }

    /** Adds a resource file. */
    public PluginJarBuilder resource(String path, String content) {
        resources.put(path, content);
        return this;
    }

    /** Compiles the sources and writes the jar. */
    public Path build(Path jar) {
        try {
            Path classes = Files.createTempDirectory(workDirectory, "classes");
            if (!sources.isEmpty()) {
                compile(classes);
            }
            for (Map.Entry<String, String> r : resources.entrySet()) {
                Path file = classes.resolve(r.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, r.getValue(), StandardCharsets.UTF_8);
            }
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                    Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                    zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void compile(Path classes) throws IOException {
        Path src = Files.createTempDirectory(workDirectory, "src");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-nowarn",
                "-classpath", classPath.stream().map(Path::toString).collect(Collectors.joining(
                        System.getProperty("path.separator")))));
        for (Map.Entry<String, String> s : sources.entrySet()) {
            Path file = src.resolve(s.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, s.getValue(), StandardCharsets.UTF_8);
            args.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int status = compiler.run(null, null, errors, args.toArray(new String[0]));
        if (status != 0) {
            throw new IllegalStateException("Compilation failed:\n" + errors.toString(StandardCharsets.UTF_8));
        }
    }

    /** The jar or directory a class was loaded from. */
    public static Path locationOf(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Java source of a plugin class {@code pkg.className} offering one eviction provider named
     * {@code providerName} whose description is the Java expression {@code descriptionExpression}.
     * The policy it creates is a trivial FIFO, enough to be driven through the SPI.
     */
    public static String evictionPluginSource(String pkg, String className, String providerName,
            String descriptionExpression, String constructorBody) {
        return "package " + pkg + ";\n"
                + "import java.util.*;\n"
                + "import org.neuroquantum.spi.Plugin;\n"
                + "import org.neuroquantum.spi.eviction.*;\n"
                + "public class " + className + " implements Plugin {\n"
                + "  public " + className + "() { " + constructorBody + " }\n"
                + "  @Override public List<EvictionPolicyFactory> evictionPolicyFactories() {\n"
                + "    return List.of(new EvictionPolicyFactory() {\n"
                + "      public String name() { return \"" + providerName + "\"; }\n"
                + "      public String description() { return " + descriptionExpression + "; }\n"
                + "      public EvictionPolicy create(EvictionContext c) {\n"
                + "        return new EvictionPolicy() {\n"
                + "          final ArrayDeque<Long> queue = new ArrayDeque<>();\n"
                + "          final Set<Long> pinned = new HashSet<>();\n"
                + "          public void onInsert(long p) { queue.addLast(p); }\n"
                + "          public void onAccess(long p) { }\n"
                + "          public void onPin(long p) { queue.remove(p); pinned.add(p); }\n"
                + "          public void onUnpin(long p) { pinned.remove(p); queue.addLast(p); }\n"
                + "          public void onRemove(long p) { queue.remove(p); pinned.remove(p); }\n"
                + "          public long evict() { Long v = queue.pollFirst(); return v == null ? NO_VICTIM : v; }\n"
                + "          public int residentCount() { return queue.size() + pinned.size(); }\n"
                + "        };\n"
                + "      }\n"
                + "    });\n"
                + "  }\n"
                + "}\n";
    }
}
