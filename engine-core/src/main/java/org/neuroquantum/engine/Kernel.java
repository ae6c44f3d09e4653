package org.neuroquantum.engine;

import com.codahale.metrics.MetricRegistry;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.neuroquantum.engine.builtin.BuiltinProviders;
import org.neuroquantum.engine.config.DeclaredConfig;
import org.neuroquantum.engine.config.KernelConfig;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.engine.config.ResolvedConfig;
import org.neuroquantum.engine.metrics.DropwizardMetrics;
import org.neuroquantum.engine.plugin.PluginManager;
import org.neuroquantum.engine.plugin.PluginRecord;
import org.neuroquantum.spi.ExtensionPoint;
import org.neuroquantum.spi.SpiVersion;
import org.neuroquantum.spi.config.Config;
import org.neuroquantum.spi.config.ConfigKey;
import org.neuroquantum.spi.error.ConfigException;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;
import org.neuroquantum.spi.error.PluginException;
import org.neuroquantum.spi.eviction.EvictionContext;
import org.neuroquantum.spi.eviction.EvictionPolicy;
import org.neuroquantum.spi.eviction.EvictionPolicyFactory;
import org.neuroquantum.spi.metrics.Metrics;
import org.neuroquantum.spi.optimizer.QueryOptimizer;
import org.neuroquantum.spi.optimizer.QueryOptimizerFactory;
import org.neuroquantum.spi.provider.ProviderContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel at start-up: configuration read and validated against every declaration (the kernel's and the
 * plugins'), plugins loaded, and the providers the configuration names resolved. {@link #inspect} collects
 * every problem (for {@code neuroquantum plugins verify}); {@link #start} refuses to start on the first.
 */
public final class Kernel {
    private static final Logger LOG = LoggerFactory.getLogger(Kernel.class);

    /**
     * How to start.
     *
     * @param home the installation directory against which {@code plugins.dir} is resolved, or {@code null} for
     *     the working directory
     * @param raw the user's configuration values
     * @param classPathPlugins {@code true} to load plugins from the class path (embedded use) instead of
     *     {@code plugins.dir}
     * @param spiVersion the SPI version plugins are checked against
     */
    public record Options(Path home, RawConfig raw, boolean classPathPlugins, SpiVersion spiVersion) {
        /** Embedded use: plugins from the class path. */
        public static Options embedded(RawConfig raw) {
            return new Options(null, raw, true, SpiVersion.current());
        }

        /** An installation: plugins from {@code plugins.dir} under {@code home}. */
        public static Options installation(Path home, RawConfig raw) {
            return new Options(home, raw, false, SpiVersion.current());
        }
    }

    /**
     * What start-up found.
     *
     * @param plugins every plugin, loaded or refused
     * @param declared every declared configuration key
     * @param config the effective configuration, or {@code null} when a value was refused
     * @param warnings things worth telling (unknown keys)
     * @param problems everything that prevents start-up, each with its remedy
     */
    public record Inspection(PluginManager plugins, DeclaredConfig declared, ResolvedConfig config,
            List<String> warnings, List<NeuroQuantumException> problems) {
        /** Whether the kernel can start. */
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Inspection inspection;
    private final DropwizardMetrics metrics;

    private Kernel(Inspection inspection) {
        this.inspection = inspection;
        this.metrics = new DropwizardMetrics(new MetricRegistry());
        metrics.gauge("plugins.loaded", () -> inspection.plugins().loaded().size());
    }

    /** Reads the configuration, loads plugins and checks the configured providers, collecting every problem. */
    public static Inspection inspect(Options options) {
        List<NeuroQuantumException> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Path pluginsDirectory = null;
        if (!options.classPathPlugins()) {
            // Only plugins.dir is needed to find plugins; any other bad value is reported after they are loaded.
            ConfigKey key = DeclaredConfig.kernel().get(KernelConfig.PLUGINS_DIR).key();
            RawConfig.Entry given = options.raw().entries().get(KernelConfig.PLUGINS_DIR);
            String dir = given == null ? key.defaultText() : given.text().trim();
            if (dir.isEmpty()) {
                problems.add(ConfigException.invalid(KernelConfig.PLUGINS_DIR, dir, "it must name a directory"));
                return new Inspection(PluginManager.none(), DeclaredConfig.kernel(), null, warnings, problems);
            }
            pluginsDirectory = pluginsDirectory(options.home(), dir);
        }
        PluginRecord builtIn = PluginRecord.builtIn(new BuiltinProviders(), BuiltinProviders.NAME,
                BuiltinProviders.engineVersion(), "Providers built into the kernel.", BuiltinProviders.LOCATION);
        PluginManager plugins = options.classPathPlugins()
                ? PluginManager.loadClassPath(Kernel.class.getClassLoader(), options.spiVersion(), builtIn)
                : PluginManager.loadDirectory(pluginsDirectory, options.spiVersion(), builtIn);
        problems.addAll(plugins.problems());

        DeclaredConfig declared = DeclaredConfig.kernel();
        for (PluginRecord plugin : plugins.loaded()) {
            List<String> conflicts = declared.add(plugin.descriptor().name(), plugin.configDef());
            if (!conflicts.isEmpty()) {
                problems.add(new PluginException(ErrorCode.PLUGIN_CONFIG_CONFLICT,
                        "Plugin '" + plugin.descriptor().name() + "' at " + plugin.location()
                                + " declares configuration keys that are taken: " + String.join(", ", conflicts) + ".",
                        "Remove one of the conflicting plugins, or ask the plugin's author to rename its keys."));
            }
        }
        ResolvedConfig.Resolution resolution = ResolvedConfig.resolve(declared, options.raw());
        warnings.addAll(resolution.warnings());
        problems.addAll(resolution.errors());
        ResolvedConfig config = resolution.config();
        if (config != null) {
            checkSelected(plugins, ExtensionPoint.PAGE_STORAGE,
                    List.of(config.getString(KernelConfig.PAGE_STORE)), problems);
            checkSelected(plugins, ExtensionPoint.WAL, List.of(config.getString(KernelConfig.WAL)), problems);
            checkSelected(plugins, ExtensionPoint.INDEX, List.of(config.getString(KernelConfig.INDEX)), problems);
            checkSelected(plugins, ExtensionPoint.EVICTION, List.of(config.getString(KernelConfig.EVICTION_POLICY)),
                    problems);
            checkSelected(plugins, ExtensionPoint.OPTIMIZER, List.of(config.getString(KernelConfig.OPTIMIZER)),
                    problems);
            checkSelected(plugins, ExtensionPoint.TRANSPORT, config.getList(KernelConfig.TRANSPORTS), problems);
        }
        return new Inspection(plugins, declared, config, List.copyOf(warnings), List.copyOf(problems));
    }

    /**
     * Starts the kernel.
     *
     * @throws NeuroQuantumException the first problem {@link #inspect} found (the others are logged)
     */
    public static Kernel start(Options options) {
        Inspection inspection = inspect(options);
        inspection.warnings().forEach(LOG::warn);
        if (!inspection.ok()) {
            for (NeuroQuantumException problem : inspection.problems().subList(1, inspection.problems().size())) {
                LOG.error(problem.getMessage());
            }
            throw inspection.problems().get(0);
        }
        return new Kernel(inspection);
    }

    /** The plugins directory {@code plugins.dir} names, resolved against {@code home}. */
    public static Path pluginsDirectory(Path home, String pluginsDir) {
        Path dir = Paths.get(pluginsDir);
        return dir.isAbsolute() || home == null ? dir : home.resolve(dir);
    }

    private static void checkSelected(PluginManager plugins, ExtensionPoint point, List<String> names,
            List<NeuroQuantumException> problems) {
        for (String name : names) {
            if (name.isEmpty()) {
                continue;
            }
            try {
                plugins.providers().resolve(point, name);
            } catch (PluginException e) {
                problems.add(e);
            }
        }
    }

    /** What start-up found (all of it fine, or the kernel would not have started). */
    public Inspection inspection() {
        return inspection;
    }

    /** The effective configuration. */
    public ResolvedConfig config() {
        return inspection.config();
    }

    /** The loaded plugins and their providers. */
    public PluginManager plugins() {
        return inspection.plugins();
    }

    /** The kernel's metrics. */
    public DropwizardMetrics metrics() {
        return metrics;
    }

    /** Creates the configured eviction policy ({@code eviction.policy}) for a pool of {@code capacity} frames. */
    public EvictionPolicy newEvictionPolicy(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        String name = config().getString(KernelConfig.EVICTION_POLICY);
        Metrics scoped = metrics.scoped(ExtensionPoint.EVICTION.id() + "." + name);
        return plugins().providers().create(ExtensionPoint.EVICTION, name, EvictionPolicyFactory.class,
                f -> f.create(new EvictionContext() {
                    @Override
                    public int capacity() {
                        return capacity;
                    }

                    @Override
                    public Config config() {
                        return Kernel.this.config();
                    }

                    @Override
                    public Metrics metrics() {
                        return scoped;
                    }
                }));
    }

    /** The configured query optimizer, or empty when {@code optimizer} is empty (join in written order). */
    public Optional<QueryOptimizer> newOptimizer() {
        String name = config().getString(KernelConfig.OPTIMIZER);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        ProviderContext context = providerContext(ExtensionPoint.OPTIMIZER, name);
        return Optional.of(plugins().providers().create(ExtensionPoint.OPTIMIZER, name, QueryOptimizerFactory.class,
                f -> f.create(context)));
    }

    private ProviderContext providerContext(ExtensionPoint point, String name) {
        Metrics scoped = metrics.scoped(point.id() + "." + name);
        ResolvedConfig config = config();
        return new ProviderContext() {
            @Override
            public Config config() {
                return config;
            }

            @Override
            public Metrics metrics() {
                return scoped;
            }
        };
    }
}
