package org.neuroquantum.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code neuroquantum version}. */
@Command(name = "version", mixinStandardHelpOptions = true, versionProvider = NeuroQuantumCommand.Versions.class,
        description = "Print the versions of NeuroQuantumDB, its kernel, the SPI it implements and the Java runtime.")
final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().printf("NeuroQuantumDB %s%n  engine-core %s%n  SPI %s (loads plugins built "
                + "against SPI %d.x up to %s)%n  Java %s (%s)%n", Installation.version(), Installation.engineVersion(),
                Installation.spiVersion(), Installation.spiVersion().major(),
                Installation.spiVersion().compatibilityLevel(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
        return 0;
    }
}
