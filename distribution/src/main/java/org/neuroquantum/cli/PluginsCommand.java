package org.neuroquantum.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neuroquantum.engine.Kernel;
import org.neuroquantum.engine.config.KernelConfig;
import org.neuroquantum.engine.plugin.PluginRecord;
import org.neuroquantum.spi.ExtensionPoint;
import org.neuroquantum.spi.error.NeuroQuantumException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code neuroquantum plugins list|verify}. */
@Command(name = "plugins", mixinStandardHelpOptions = true, versionProvider = NeuroQuantumCommand.Versions.class,
        description = "Inspect the installed plugins: each directory under plugins/ is one plugin.",
        subcommands = {PluginsCommand.ListCommand.class, PluginsCommand.VerifyCommand.class})
final class PluginsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = NeuroQuantumCommand.Versions.class,
            description = {"List every plugin found: name, version, the SPI version it was built against, what it "
                    + "provides (extensionPoint:provider), where it lies, and whether it loaded or why not.",
                    "Exit status 0 even when a plugin was refused; use 'plugins verify' to check."})
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Installation installation;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Override
        public Integer call() {
            Kernel.Inspection inspection = installation.inspect();
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.json) {
                out.println(Json.write(asJson(inspection)));
                return 0;
            }
            out.println("Plugins in " + inspection.plugins().source() + ":");
            if (inspection.plugins().records().isEmpty()) {
                out.println("  (none)");
            } else {
                TextTable table = new TextTable("NAME", "VERSION", "SPI", "PROVIDES", "STATUS", "LOCATION");
                for (PluginRecord r : inspection.plugins().records()) {
                    table.row(r.displayName(), r.descriptor() == null ? "?" : r.descriptor().version(),
                            r.descriptor() == null ? "?" : r.descriptor().spiVersion(),
                            String.join(",", r.provides()),
                            r.loaded() ? "loaded" : "refused (" + r.error().errorCode().code() + ")", r.location());
                }
                table.print(out);
            }
            printProblems(out, inspection.problems());
            return 0;
        }

        private Map<String, Object> asJson(Kernel.Inspection inspection) {
            Map<String, Object> root = new LinkedHashMap<>();
            Map<String, Object> kernel = new LinkedHashMap<>();
            kernel.put("version", Installation.version());
            kernel.put("engineVersion", Installation.engineVersion());
            kernel.put("spiVersion", Installation.spiVersion().toString());
            root.put("kernel", kernel);
            root.put("pluginsDirectory", inspection.plugins().source());
            List<Map<String, Object>> plugins = new ArrayList<>();
            for (PluginRecord r : inspection.plugins().records()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("name", r.displayName());
                p.put("version", r.descriptor() == null ? null : r.descriptor().version());
                p.put("description", r.descriptor() == null ? null : r.descriptor().description());
                p.put("spiVersion", r.descriptor() == null ? null : r.descriptor().spiVersion().toString());
                p.put("provides", r.provides());
                Map<String, List<String>> providers = new LinkedHashMap<>();
                if (r.descriptor() != null) {
                    for (ExtensionPoint point : ExtensionPoint.values()) {
                        List<String> names = r.descriptor().providersOf(point);
                        if (!names.isEmpty()) {
                            providers.put(point.id(), names);
                        }
                    }
                }
                p.put("providers", providers);
                p.put("location", r.location());
                p.put("loaded", r.loaded());
                p.put("loadTimeMillis", r.loaded() ? Math.round(r.loadNanos() / 1e4) / 100.0 : null);
                p.put("error", r.loaded() ? null : Json.error(r.error()));
                plugins.add(p);
            }
            root.put("plugins", plugins);
            List<Map<String, Object>> problems = new ArrayList<>();
            inspection.problems().forEach(e -> problems.add(Json.error(e)));
            root.put("problems", problems);
            return root;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = NeuroQuantumCommand.Versions.class,
            description = {"Check the installation as start-up would: every plugin loads, the configuration is "
                    + "valid and every provider it names (eviction.policy, optimizer, transports) exists.",
                    "Prints each problem with its remedy. Exit status: 0 when all is well, 1 on any problem."})
    static final class VerifyCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Installation installation;

        @Override
        public Integer call() {
            Kernel.Inspection inspection = installation.inspect();
            PrintWriter out = spec.commandLine().getOut();
            for (String warning : inspection.warnings()) {
                out.println("warning: " + warning);
            }
            if (!inspection.ok()) {
                printProblems(out, inspection.problems());
                out.println("verify: FAILED with " + inspection.problems().size() + " problem(s).");
                return 1;
            }
            out.println("Plugins in " + inspection.plugins().source() + ": " + inspection.plugins().loaded().size()
                    + " loaded, none refused.");
            for (PluginRecord r : inspection.plugins().loaded()) {
                out.println("  ok  " + r.descriptor().name() + " " + r.descriptor().version() + " (SPI "
                        + r.descriptor().spiVersion() + "): " + String.join(", ", r.provides()));
            }
            String optimizer = inspection.config().getString(KernelConfig.OPTIMIZER);
            List<String> transports = inspection.config().getList(KernelConfig.TRANSPORTS);
            out.println("Providers: page.store=" + inspection.config().getString(KernelConfig.PAGE_STORE)
                    + ", wal=" + inspection.config().getString(KernelConfig.WAL)
                    + ", index=" + inspection.config().getString(KernelConfig.INDEX)
                    + ", eviction.policy=" + inspection.config().getString(KernelConfig.EVICTION_POLICY)
                    + ", optimizer=" + (optimizer.isEmpty() ? "(none: written join order)" : optimizer)
                    + ", transports=" + (transports.isEmpty() ? "(none)" : String.join(",", transports)));
            out.println("verify: OK");
            return 0;
        }
    }

    static void printProblems(PrintWriter out, List<NeuroQuantumException> problems) {
        if (problems.isEmpty()) {
            return;
        }
        out.println();
        out.println("Problems:");
        for (NeuroQuantumException p : problems) {
            out.println("  [" + p.errorCode().code() + "] " + p.causeDescription());
            if (p.remedy() != null) {
                out.println("      Fix: " + p.remedy());
            }
        }
    }
}
