package org.neuroquantum.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code neuroquantum} command. */
@Command(name = "neuroquantum", mixinStandardHelpOptions = true, versionProvider = NeuroQuantumCommand.Versions.class,
        description = {"NeuroQuantumDB: a database kernel whose every feature is a plugin.", "",
                "Configuration: conf/neuroquantum.properties of the installation (or --config FILE), overridden by "
                        + "--set KEY=VALUE on any command. Plugins: one directory per plugin under plugins/.",
                "Run 'neuroquantum help COMMAND' or 'neuroquantum COMMAND --help' for details."},
        subcommands = {VersionCommand.class, PluginsCommand.class, ConfigCommand.class, DemoCommand.class,
            EvictSimCommand.class, QuboCommand.class, SqlCommand.class, HelpCommand.class},
        footer = {"", "Exit status: 0 success, 1 a problem was found (printed with its fix), 2 bad usage."})
final class NeuroQuantumCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** {@code neuroquantum --version}. */
    static final class Versions implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"NeuroQuantumDB " + Installation.version() + " (SPI " + Installation.spiVersion() + ")"};
        }
    }
}
