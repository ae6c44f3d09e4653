package org.neuroquantum.spi.tool;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import org.neuroquantum.spi.ExtensionPoint;
import org.neuroquantum.spi.Plugin;
import org.neuroquantum.spi.PluginDescriptor;
import org.neuroquantum.spi.SpiVersion;
import org.neuroquantum.spi.annotation.Evolving;
import org.neuroquantum.spi.provider.ProviderFactory;

/**
 * Generates {@value PluginDescriptor#RESOURCE} for a plugin module at build time (the parent POM runs it in
 * the {@code process-classes} phase of every plugin module). It loads the module's compiled
 * {@link Plugin}, checks the plugin contract (exactly one implementation, public no-argument constructor,
 * well-formed and unique provider names) and writes what the plugin actually provides, so the descriptor can
 * never drift from the code.
 *
 * <p>Arguments: {@code --name=N --version=V --description=D --output=DIR}, where {@code DIR} is the module's
 * class output directory (the plugin classes must be found there).
 */
@Evolving
public final class PluginDescriptorGenerator {
    private static final Pattern PROVIDER_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private PluginDescriptorGenerator() {
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
        Path output = Paths.get(require(options, "output"));
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        PluginDescriptor descriptor = describe(loader, output, require(options, "name"),
                require(options, "version"), options.getOrDefault("description", ""));
        Path file = output.resolve(PluginDescriptor.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, descriptor.toPropertiesText(), StandardCharsets.UTF_8);
        System.out.println("[neuroquantum] wrote " + file + ": provides " + descriptor.provides());
    }

    /**
     * Finds the one plugin whose classes are in {@code classesDirectory} and describes it.
     *
     * @throws IllegalStateException when the module breaks the plugin contract
     */
    public static PluginDescriptor describe(ClassLoader loader, Path classesDirectory, String name,
            String version, String description) {
        List<Plugin> plugins = new ArrayList<>();
        for (ServiceLoader.Provider<Plugin> provider : ServiceLoader.load(Plugin.class, loader).stream().toList()) {
            if (isIn(provider.type(), classesDirectory)) {
                plugins.add(provider.get());
            }
        }
        if (plugins.size() != 1) {
            throw new IllegalStateException("A plugin module must hold exactly one implementation of "
                    + Plugin.class.getName() + " listed in META-INF/services; found " + plugins.size()
                    + " in " + classesDirectory);
        }
        Plugin plugin = plugins.get(0);
        List<String> provides = new ArrayList<>();
        for (ExtensionPoint point : ExtensionPoint.values()) {
            Set<String> seen = new HashSet<>();
            for (ProviderFactory factory : point.factoriesOf(plugin)) {
                String providerName = factory.name();
                if (providerName == null || !PROVIDER_NAME.matcher(providerName).matches()) {
                    throw new IllegalStateException(factory.getClass().getName() + " has the provider name '"
                            + providerName + "': use lower-case letters, digits and dashes");
                }
                if (!seen.add(providerName)) {
                    throw new IllegalStateException("The plugin offers two " + point.id() + " providers named '"
                            + providerName + "'");
                }
                provides.add(point.id() + ":" + providerName);
            }
        }
        plugin.configDef();
        return new PluginDescriptor(name, version, description, SpiVersion.current(), provides);
    }

    private static boolean isIn(Class<?> type, Path directory) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return false;
        }
        try {
            return Paths.get(source.getLocation().toURI()).toAbsolutePath().normalize()
                    .equals(directory.toAbsolutePath().normalize());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String require(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + key + "=...");
        }
        return value;
    }
}
