package org.neuroquantum.cli.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.neuroquantum.spi.PluginDescriptor;

/**
 * Lays out the distribution directory at build time ({@code mvn package} runs it in the distribution module):
 * <pre>
 * neuroquantum-VERSION/
 *   bin/neuroquantum        launcher
 *   conf/                   neuroquantum.properties
 *   lib/                    the kernel and the command with their libraries
 *   plugins/NAME-VERSION/   one directory per selected plugin: its jar and its libraries
 * </pre>
 * The plugin set is chosen with {@code -Dplugins=NAME,...} (default {@code all}); a name no plugin bundle has
 * fails the build, listing the names there are.
 *
 * <p>Arguments: {@code --home=DIR --dist=DIR --lib=DIR --jar=FILE --bundles=DIR --plugins=all|NAME,...}.
 */
public final class DistributionAssembler {
    private DistributionAssembler() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --key=value, got " + arg);
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        Path home = Paths.get(options.get("home"));
        List<String> withoutProviders = Arrays.stream(options.getOrDefault("without-providers", "").split(","))
                .map(String::trim).filter(n -> !n.isEmpty()).collect(Collectors.toList());
        assemble(home, Paths.get(options.get("dist")), Paths.get(options.get("lib")), Paths.get(options.get("jar")),
                Paths.get(options.get("bundles")), options.getOrDefault("plugins", "all"), withoutProviders);
        System.out.println("[neuroquantum] assembled " + home);
    }

    /** Builds the distribution directory {@code home} from its parts, replacing what was there. */
    public static void assemble(Path home, Path distSources, Path libraries, Path commandJar, Path bundles,
            String pluginSelection, List<String> withoutProviders) throws IOException {
        Map<String, Path> available = pluginBundles(bundles);
        List<String> selected = select(available, pluginSelection, withoutProviders);
        deleteTree(home);
        copyTree(distSources, home);
        Path launcher = home.resolve("bin").resolve("neuroquantum");
        if (Files.exists(launcher) && !launcher.toFile().setExecutable(true, false)) {
            throw new IOException("Cannot make " + launcher + " executable");
        }
        Path lib = Files.createDirectories(home.resolve("lib"));
        try (Stream<Path> jars = Files.list(libraries)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).collect(Collectors.toList())) {
                Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.copy(commandJar, lib.resolve(commandJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        for (String name : selected) {
            Path bundle = available.get(name);
            copyTree(bundle, plugins.resolve(bundle.getFileName()));
        }
        // ./neuroquantum rebuilds only when a source is newer than this: a custom build is not replaced.
        Files.writeString(home.resolve(".built-from-sources"), "");
    }

    /** Plugin name to its bundle directory ({@code NAME-VERSION}), read from each bundle's descriptor. */
    private static Map<String, Path> pluginBundles(Path bundles) throws IOException {
        Map<String, Path> byName = new LinkedHashMap<>();
        if (!Files.isDirectory(bundles)) {
            return byName;
        }
        try (Stream<Path> dirs = Files.list(bundles)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().collect(Collectors.toList())) {
                try (Stream<Path> jars = Files.list(dir)) {
                    for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).collect(Collectors.toList())) {
                        Optional<PluginDescriptor> d = PluginDescriptor.readFromJar(jar);
                        if (d.isPresent()) {
                            byName.put(d.get().name(), dir);
                        }
                    }
                }
            }
        }
        return byName;
    }

    private static List<String> select(Map<String, Path> available, String selection, List<String> withoutProviders) {
        String trimmed = selection.trim();
        if (trimmed.equals("all")) {
            return new ArrayList<>(available.keySet());
        }
        List<String> names = trimmed.isEmpty() ? new ArrayList<>()
                : Arrays.stream(trimmed.split(",")).map(String::trim).collect(Collectors.toList());
        for (String name : List.copyOf(names)) {
            if (withoutProviders.contains(name) && !available.containsKey(name)) {
                System.out.println("[neuroquantum] WARNING: plugin module '" + name + "' provides nothing yet and is "
                        + "left out of the distribution");
                names.remove(name);
            }
        }
        Set<String> unknown = new TreeSet<>(names);
        unknown.removeAll(available.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("-Dplugins names " + unknown + ", but the plugins built are "
                    + available.keySet() + " (or use -Dplugins=all)");
        }
        return names;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
