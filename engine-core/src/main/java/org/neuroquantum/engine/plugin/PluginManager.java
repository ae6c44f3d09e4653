package org.neuroquantum.engine.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.neuroquantum.spi.ExtensionPoint;
import org.neuroquantum.spi.Plugin;
import org.neuroquantum.spi.PluginDescriptor;
import org.neuroquantum.spi.SpiVersion;
import org.neuroquantum.spi.config.ConfigDef;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.PluginException;
import org.neuroquantum.spi.provider.ProviderFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovers, checks and loads plugins, in one of two modes:
 * <ul>
 *   <li><b>plugin path</b> ({@link #loadDirectory}): each directory under {@code plugins/} is one plugin, loaded
 *   by a {@link PluginClassLoader} of its own;</li>
 *   <li><b>class path</b> ({@link #loadClassPath}): plugins on the application class path (embedded use,
 *   tests), found with {@link ServiceLoader}.</li>
 * </ul>
 * Descriptors are read before any plugin class is loaded. A plugin is refused, with a
 * {@link PluginException} naming the cause and the remedy, when its descriptor is missing or malformed, its
 * SPI version is incompatible, another plugin has its name, it has no (or several) {@code Plugin}
 * implementations, it cannot be instantiated, or what it provides differs from its descriptor. Refused
 * plugins stay in {@link #records()} so that listings can show why.
 */
public final class PluginManager {
    private static final Logger LOG = LoggerFactory.getLogger(PluginManager.class);
    private static final String SERVICE_FILE = "META-INF/services/" + Plugin.class.getName();

    private final String source;
    private final List<PluginRecord> records;
    private final ProviderRegistry providers;

    private PluginManager(String source, List<PluginRecord> records) {
        this.source = source;
        this.providers = new ProviderRegistry(records);
        this.records = List.copyOf(providers.records());
    }

    /** Where plugins were looked for: a directory, or "class path". */
    public String source() {
        return source;
    }

    /**
     * Every plugin found, loaded or refused: the built-in providers first, then problems found before loading
     * (in directory order), then the plugins that were loaded or failed while loading (in directory order).
     */
    public List<PluginRecord> records() {
        return records;
    }

    /** The loaded plugins. */
    public List<PluginRecord> loaded() {
        return records.stream().filter(PluginRecord::loaded).collect(Collectors.toList());
    }

    /** Why plugins were refused; a problem shared by several plugins (a duplicate name) is listed once. */
    public List<PluginException> problems() {
        Map<String, PluginException> distinct = new LinkedHashMap<>();
        for (PluginRecord r : records) {
            if (!r.loaded()) {
                distinct.putIfAbsent(r.error().getMessage(), r.error());
            }
        }
        return new ArrayList<>(distinct.values());
    }

    /** The providers of the loaded plugins, by extension point and name. */
    public ProviderRegistry providers() {
        return providers;
    }

    /** No plugins at all: what start-up reports when the configuration is too broken to look for any. */
    public static PluginManager none() {
        return new PluginManager("(not searched)", List.of());
    }

    /**
     * Loads every plugin directory under {@code pluginsDirectory}. A missing directory means no plugins.
     *
     * @param kernelSpi the SPI version plugins are checked against (normally {@link SpiVersion#current()})
     */
    public static PluginManager loadDirectory(Path pluginsDirectory, SpiVersion kernelSpi) {
        return loadDirectory(pluginsDirectory, kernelSpi, null);
    }

    /**
     * As {@link #loadDirectory(Path, SpiVersion)}, with the kernel's built-in providers registered first.
     *
     * @param builtIn the kernel's own providers as a plugin record (see {@link PluginRecord#builtIn}), or
     *     {@code null}
     */
    public static PluginManager loadDirectory(Path pluginsDirectory, SpiVersion kernelSpi, PluginRecord builtIn) {
        List<Candidate> candidates = new ArrayList<>();
        List<PluginRecord> failed = new ArrayList<>();
        if (builtIn != null) {
            candidates.add(new Candidate(builtIn.descriptor(), builtIn.location(), List.of(), builtIn.location()));
        }
        if (Files.isDirectory(pluginsDirectory)) {
            for (Path entry : sortedChildren(pluginsDirectory)) {
                inspectDirectoryEntry(entry, candidates, failed);
            }
        } else {
            failed.add(PluginRecord.failed(null, pluginsDirectory.toString(), new PluginException(
                    ErrorCode.PLUGIN_NO_PROVIDER,
                    "The plugins directory " + pluginsDirectory + (Files.exists(pluginsDirectory)
                            ? " is not a directory." : " does not exist."),
                    "Create it (it holds one directory per plugin), or point plugins.dir at the right place.")));
        }
        List<PluginRecord> records = new ArrayList<>(failed);
        for (Candidate c : checkNamesAndVersions(candidates, kernelSpi, records)) {
            if (builtIn != null && c.location.equals(builtIn.location())) {
                records.add(0, builtIn);
                continue;
            }
            URL[] urls = c.jars.stream().map(PluginManager::toUrl).toArray(URL[]::new);
            PluginClassLoader loader = new PluginClassLoader(c.descriptor.name(), urls,
                    PluginManager.class.getClassLoader());
            records.add(instantiate(c, loader, () -> ServiceLoader.load(Plugin.class, loader).stream()));
        }
        return new PluginManager(pluginsDirectory.toString(), records);
    }

    /** Loads the plugins on a class path (embedded mode): every descriptor and {@code Plugin} visible to it. */
    public static PluginManager loadClassPath(ClassLoader loader, SpiVersion kernelSpi) {
        return loadClassPath(loader, kernelSpi, null);
    }

    /** As {@link #loadClassPath(ClassLoader, SpiVersion)}, with the kernel's built-in providers registered first. */
    public static PluginManager loadClassPath(ClassLoader loader, SpiVersion kernelSpi, PluginRecord builtIn) {
        Map<String, Candidate> byLocation = new LinkedHashMap<>();
        List<PluginRecord> records = new ArrayList<>();
        if (builtIn != null) {
            byLocation.put(builtIn.location(), new Candidate(builtIn.descriptor(), builtIn.location(), List.of(),
                    builtIn.location()));
        }
        try {
            for (URL url : Collections.list(loader.getResources(PluginDescriptor.RESOURCE))) {
                String location = codeSourceOf(url);
                try (InputStream in = url.openStream()) {
                    PluginDescriptor descriptor = PluginDescriptor.read(in, url.toString());
                    byLocation.put(location, new Candidate(descriptor, location, List.of(), location));
                } catch (PluginException e) {
                    records.add(PluginRecord.failed(null, location, e));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot scan the class path for plugin descriptors", e);
        }
        List<Candidate> candidates = new ArrayList<>(byLocation.values());
        Set<String> withClass = new HashSet<>();
        Iterator<ServiceLoader.Provider<Plugin>> providers = ServiceLoader.load(Plugin.class, loader).stream().iterator();
        while (true) {
            ServiceLoader.Provider<Plugin> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError e) {
                String listedIn = jarListing(loader, e);
                records.add(PluginRecord.failed(null, listedIn, new PluginException(ErrorCode.PLUGIN_INSTANTIATION,
                        "A plugin class listed in " + SERVICE_FILE + " of " + listedIn + " cannot be loaded: "
                                + rootMessage(e) + ".",
                        "Fix or remove " + listedIn + ".", e)));
                continue;
            }
            String location = locationOf(provider.type());
            withClass.add(location);
            if (!byLocation.containsKey(location)) {
                records.add(PluginRecord.failed(null, location, new PluginException(
                        ErrorCode.PLUGIN_DESCRIPTOR_INVALID,
                        "Plugin class " + provider.type().getName() + " at " + location + " has no descriptor "
                                + PluginDescriptor.RESOURCE + ".",
                        "Build the plugin with the NeuroQuantumDB build, which generates the descriptor.")));
            }
        }
        for (Candidate c : checkNamesAndVersions(candidates, kernelSpi, records)) {
            if (builtIn != null && c.location.equals(builtIn.location())) {
                records.add(0, builtIn);
                continue;
            }
            if (!withClass.contains(c.location)) {
                records.add(PluginRecord.failed(c.descriptor, c.location, noProvider(c, 0, List.of())));
                continue;
            }
            records.add(instantiate(c, loader, () -> loadableProviders(loader)
                    .filter(p -> locationOf(p.type()).equals(c.location))));
        }
        return new PluginManager("class path", records);
    }

    private static void inspectDirectoryEntry(Path entry, List<Candidate> candidates, List<PluginRecord> failed) {
        String location = entry.toString();
        if (entry.getFileName().toString().startsWith(".")) {
            return;
        }
        if (Files.isRegularFile(entry)) {
            if (entry.getFileName().toString().endsWith(".jar")) {
                failed.add(PluginRecord.failed(descriptorOrNull(entry), location, new PluginException(
                        ErrorCode.PLUGIN_NO_PROVIDER,
                        "Plugin jar " + entry + " lies directly in the plugins directory; every plugin needs a "
                                + "directory of its own.",
                        "Move it, with its libraries, into " + entry.getParent().resolve("<name>-<version>") + "/.")));
            }
            return;
        }
        if (!Files.isDirectory(entry)) {
            return;
        }
        List<Path> jars = sortedChildren(entry).stream()
                .filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar"))
                .collect(Collectors.toList());
        if (jars.isEmpty()) {
            failed.add(PluginRecord.failed(null, location, new PluginException(ErrorCode.PLUGIN_NO_PROVIDER,
                    "Plugin directory " + entry + " contains no jar files.",
                    "Put the plugin's jar and its libraries into " + entry + ", or remove the directory.")));
            return;
        }
        Map<Path, PluginDescriptor> described = new LinkedHashMap<>();
        for (Path jar : jars) {
            try {
                PluginDescriptor.readFromJar(jar).ifPresent(d -> described.put(jar, d));
            } catch (PluginException e) {
                failed.add(PluginRecord.failed(null, location, e));
                return;
            }
        }
        if (described.isEmpty()) {
            failed.add(PluginRecord.failed(null, location, new PluginException(ErrorCode.PLUGIN_NO_PROVIDER,
                    "No jar in plugin directory " + entry + " is a plugin (none has " + PluginDescriptor.RESOURCE
                            + "): " + names(jars) + ".",
                    "Add the plugin jar built by the NeuroQuantumDB build to " + entry
                            + ", or remove the directory.")));
            return;
        }
        if (described.size() > 1) {
            failed.add(PluginRecord.failed(null, location, new PluginException(ErrorCode.PLUGIN_NO_PROVIDER,
                    "Plugin directory " + entry + " holds more than one plugin: " + described.entrySet().stream()
                            .map(e -> e.getKey().getFileName() + " (" + e.getValue().name() + ")")
                            .collect(Collectors.joining(", ")) + ".",
                    "Give each plugin a directory of its own under " + entry.getParent() + ".")));
            return;
        }
        Map.Entry<Path, PluginDescriptor> plugin = described.entrySet().iterator().next();
        candidates.add(new Candidate(plugin.getValue(), location, jars, plugin.getKey().toString()));
    }

    /** Refuses duplicate names and incompatible SPI versions; returns the candidates that pass. */
    private static List<Candidate> checkNamesAndVersions(List<Candidate> candidates, SpiVersion kernelSpi,
            List<PluginRecord> records) {
        Map<String, List<Candidate>> byName = candidates.stream()
                .collect(Collectors.groupingBy(c -> c.descriptor.name(), LinkedHashMap::new, Collectors.toList()));
        List<Candidate> passed = new ArrayList<>();
        for (List<Candidate> group : byName.values()) {
            if (group.size() > 1) {
                String locations = group.stream().map(c -> c.location).collect(Collectors.joining(" and "));
                for (Candidate c : group) {
                    records.add(PluginRecord.failed(c.descriptor, c.location, new PluginException(
                            ErrorCode.PLUGIN_DUPLICATE,
                            "Two plugins are named '" + c.descriptor.name() + "': " + locations + ".",
                            "Remove all but one of them (plugin names must be unique).")));
                }
                continue;
            }
            Candidate c = group.get(0);
            SpiVersion built = c.descriptor.spiVersion();
            if (!kernelSpi.canLoad(built)) {
                records.add(PluginRecord.failed(c.descriptor, c.location, new PluginException(
                        ErrorCode.PLUGIN_INCOMPATIBLE,
                        "Plugin '" + c.descriptor.name() + "' " + c.descriptor.version() + " at " + c.location
                                + " was built against SPI " + built + ", but this kernel implements SPI "
                                + kernelSpi + "; it loads plugins built against SPI " + kernelSpi.major() + ".0 to "
                                + kernelSpi.compatibilityLevel() + ".",
                        built.major() == kernelSpi.major()
                                ? "Upgrade NeuroQuantumDB to a version with SPI " + built.compatibilityLevel()
                                        + " or newer, or install a version of '" + c.descriptor.name()
                                        + "' built against SPI " + kernelSpi.compatibilityLevel() + " or older."
                                : "Install a version of '" + c.descriptor.name() + "' built against SPI "
                                        + kernelSpi.major() + ".x (at most " + kernelSpi.compatibilityLevel()
                                        + "), or remove " + c.location + ".")));
                continue;
            }
            passed.add(c);
        }
        return passed;
    }

    private static PluginRecord instantiate(Candidate c, ClassLoader loader,
            java.util.function.Supplier<Stream<ServiceLoader.Provider<Plugin>>> finder) {
        long start = System.nanoTime();
        try {
            return ContextClassLoader.call(loader, () -> {
                List<ServiceLoader.Provider<Plugin>> found;
                try {
                    found = finder.get().collect(Collectors.toList());
                } catch (ServiceConfigurationError e) {
                    return PluginRecord.failed(c.descriptor, c.location, instantiationFailed(c, "?", e));
                }
                if (found.size() != 1) {
                    return PluginRecord.failed(c.descriptor, c.location, noProvider(c, found.size(),
                            found.stream().map(p -> p.type().getName()).collect(Collectors.toList())));
                }
                ServiceLoader.Provider<Plugin> provider = found.get(0);
                Plugin plugin;
                ConfigDef configDef;
                List<String> actual = new ArrayList<>();
                try {
                    plugin = provider.get();
                    for (ExtensionPoint point : ExtensionPoint.values()) {
                        for (ProviderFactory factory : point.factoriesOf(plugin)) {
                            actual.add(point.id() + ":" + factory.name());
                        }
                    }
                    configDef = plugin.configDef();
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    return PluginRecord.failed(c.descriptor, c.location,
                            instantiationFailed(c, provider.type().getName(), e));
                }
                if (!new TreeSet<>(actual).equals(new TreeSet<>(c.descriptor.provides()))) {
                    return PluginRecord.failed(c.descriptor, c.location, new PluginException(
                            ErrorCode.PLUGIN_DESCRIPTOR_MISMATCH,
                            "Plugin '" + c.descriptor.name() + "' at " + c.location + " provides " + actual
                                    + " but its descriptor declares " + c.descriptor.provides() + ".",
                            "Rebuild the plugin with the NeuroQuantumDB build, which generates the descriptor "
                                    + "from the code."));
                }
                long nanos = System.nanoTime() - start;
                LOG.info("Loaded plugin {} {} (SPI {}) from {} in {} ms: {}", c.descriptor.name(),
                        c.descriptor.version(), c.descriptor.spiVersion(), c.location,
                        String.format("%.1f", nanos / 1e6), String.join(",", c.descriptor.provides()));
                return new PluginRecord(c.descriptor, c.location, null, plugin, loader, configDef, nanos);
            });
        } catch (RuntimeException | LinkageError e) {
            return PluginRecord.failed(c.descriptor, c.location, instantiationFailed(c, "?", e));
        }
    }

    /** The providers of a class path whose classes load; broken entries are reported separately. */
    private static Stream<ServiceLoader.Provider<Plugin>> loadableProviders(ClassLoader loader) {
        List<ServiceLoader.Provider<Plugin>> found = new ArrayList<>();
        Iterator<ServiceLoader.Provider<Plugin>> it = ServiceLoader.load(Plugin.class, loader).stream().iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return found.stream();
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                // reported by the discovery pass
            }
        }
    }

    /** The jar or directory whose services file lists the class a {@link ServiceConfigurationError} names. */
    private static String jarListing(ClassLoader loader, ServiceConfigurationError e) {
        String message = String.valueOf(e.getMessage());
        try {
            for (URL url : Collections.list(loader.getResources(SERVICE_FILE))) {
                try (InputStream in = url.openStream()) {
                    String listing = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    for (String line : listing.split("\\R")) {
                        String name = line.replaceAll("#.*", "").trim();
                        if (!name.isEmpty() && message.contains(name)) {
                            return codeSourceOf(url, SERVICE_FILE);
                        }
                    }
                }
            }
        } catch (IOException ignored) {
            // fall through to the generic location
        }
        return "the class path";
    }

    private static PluginException noProvider(Candidate c, int count, List<String> classes) {
        String cause = count == 0
                ? "Plugin '" + c.descriptor.name() + "' at " + c.location + ": its jar " + c.pluginJar
                        + " has no implementation of " + Plugin.class.getName() + " listed in " + SERVICE_FILE + "."
                : "Plugin '" + c.descriptor.name() + "' at " + c.location + " lists " + count + " implementations of "
                        + Plugin.class.getName() + " (" + String.join(", ", classes) + "); a plugin has exactly one.";
        return new PluginException(ErrorCode.PLUGIN_NO_PROVIDER, cause,
                "List exactly one Plugin class in " + SERVICE_FILE + " of the plugin jar (the NeuroQuantumDB "
                        + "build checks this), or remove " + c.location + ".");
    }

    private static PluginException instantiationFailed(Candidate c, String className, Throwable e) {
        String what = "?".equals(className) ? "its Plugin class (listed in " + SERVICE_FILE + ")"
                : "class " + className;
        return new PluginException(ErrorCode.PLUGIN_INSTANTIATION,
                "Cannot instantiate plugin '" + c.descriptor.name() + "' at " + c.location + ", " + what + ": "
                        + rootMessage(e) + ".",
                "A class of the plugin is missing or its constructor failed: check that " + c.location
                        + " holds the plugin's jar and all its libraries, or report this message to the plugin's "
                        + "author.", e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static PluginDescriptor descriptorOrNull(Path jar) {
        try {
            return PluginDescriptor.readFromJar(jar).orElse(null);
        } catch (PluginException e) {
            return null;
        }
    }

    private static List<Path> sortedChildren(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new PluginException(ErrorCode.PLUGIN_DESCRIPTOR_INVALID,
                    "Cannot list plugin directory " + dir + ": " + e.getMessage() + ".",
                    "Check the directory's permissions.", e);
        }
    }

    private static String names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "));
    }

    private static URL toUrl(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The jar or directory a class was loaded from, as a normalized path string. */
    static String locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "unknown location of " + type.getName();
        }
        return normalize(source.getLocation());
    }

    /** The jar or directory a resource URL points into, as a normalized path string. */
    static String codeSourceOf(URL resource) {
        return codeSourceOf(resource, PluginDescriptor.RESOURCE);
    }

    private static String codeSourceOf(URL resource, String resourceName) {
        String text = resource.toString();
        try {
            if (text.startsWith("jar:")) {
                return normalize(new URL(text.substring(4, text.indexOf("!/"))));
            }
            String root = text.substring(0, text.length() - resourceName.length());
            return normalize(new URL(root));
        } catch (MalformedURLException e) {
            return text;
        }
    }

    private static String normalize(URL url) {
        try {
            return Paths.get(url.toURI()).toAbsolutePath().normalize().toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return url.toString();
        }
    }

    /** A plugin whose descriptor was read, before it is loaded. */
    private static final class Candidate {
        final PluginDescriptor descriptor;
        final String location;
        final List<Path> jars;
        /** The jar holding the descriptor, or the location itself in class-path mode. */
        final String pluginJar;

        Candidate(PluginDescriptor descriptor, String location, List<Path> jars, String pluginJar) {
            this.descriptor = descriptor;
            this.location = location;
            this.jars = jars;
            this.pluginJar = pluginJar;
        }
    }
}
