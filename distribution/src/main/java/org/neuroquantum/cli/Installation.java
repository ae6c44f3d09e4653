package org.neuroquantum.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Properties;
import org.neuroquantum.engine.Kernel;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.spi.SpiVersion;
import org.neuroquantum.spi.error.ConfigException;
import org.neuroquantum.spi.error.ErrorCode;
import picocli.CommandLine.Option;

/**
 * Options every command takes to find the installation and its configuration. The launcher sets
 * {@code -Dneuroquantum.home}; {@code --home} overrides it.
 */
public final class Installation {
    /** System property the launcher sets to the installation directory. */
    public static final String HOME_PROPERTY = "neuroquantum.home";

    @Option(names = "--home", paramLabel = "DIR",
            description = "Installation directory (holds conf/ and plugins/). Default: where bin/neuroquantum lives.")
    Path home;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file. Default: conf/neuroquantum.properties of the installation, if present.")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one configuration key; may be repeated. Wins over the configuration file.")
    List<String> overrides = List.of();

    /** The installation directory. */
    public Path home() {
        if (home != null) {
            Path dir = home.toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new ConfigException(ErrorCode.CONFIG_INVALID, "--home",
                        "The installation directory " + dir + " given with --home does not exist.",
                        "Give the directory that holds conf/ and plugins/, or leave --home out.");
            }
            return dir;
        }
        String property = System.getProperty(HOME_PROPERTY);
        return Paths.get(property == null ? "." : property).toAbsolutePath().normalize();
    }

    /** The configuration file in effect, or {@code null} when there is none. */
    public Path configFile() {
        if (configFile != null) {
            return configFile;
        }
        Path standard = home().resolve("conf").resolve("neuroquantum.properties");
        return Files.isRegularFile(standard) ? standard : null;
    }

    /** The user's configuration: file first, then overrides. */
    public RawConfig rawConfig() {
        Path file = configFile();
        RawConfig raw = file == null ? RawConfig.empty() : RawConfig.load(file);
        for (String assignment : overrides) {
            raw.addOverride(assignment);
        }
        return raw;
    }

    /** Start-up inspection of this installation: configuration and plugins. */
    public Kernel.Inspection inspect() {
        return Kernel.inspect(Kernel.Options.installation(home(), rawConfig()));
    }

    /** The product version, from the build. */
    public static String version() {
        return versionProperties().getProperty("version");
    }

    /** The engine-core version, from the build. */
    public static String engineVersion() {
        return versionProperties().getProperty("engine.version");
    }

    /** The SPI version this kernel implements. */
    public static SpiVersion spiVersion() {
        return SpiVersion.current();
    }

    private static Properties versionProperties() {
        try (InputStream in = Installation.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
