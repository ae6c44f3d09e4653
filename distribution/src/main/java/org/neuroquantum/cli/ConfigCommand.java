package org.neuroquantum.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neuroquantum.engine.Kernel;
import org.neuroquantum.engine.config.ConfigReference;
import org.neuroquantum.engine.config.ResolvedConfig;
import org.neuroquantum.spi.config.ConfigType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code neuroquantum config}: the effective configuration, or the reference of every key. */
@Command(name = "config", mixinStandardHelpOptions = true, versionProvider = NeuroQuantumCommand.Versions.class,
        description = {"Show the effective configuration: every key the kernel and the loaded plugins declare, its "
                + "value and where the value came from (default, the configuration file, or --set).",
                "Unknown keys are reported as warnings; an invalid value is an error naming the key (exit status 1)."})
final class ConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Installation installation;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--reference",
            description = "Print the Markdown reference of every declared key instead (docs/configuration.md is "
                    + "generated with: neuroquantum config --reference > docs/configuration.md).")
    boolean reference;

    @Override
    public Integer call() {
        Kernel.Inspection inspection = installation.inspect();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (reference) {
            out.print(ConfigReference.markdown(inspection.declared()));
            out.flush();
            return 0;
        }
        for (String warning : inspection.warnings()) {
            err.println("warning: " + warning);
        }
        if (inspection.config() == null) {
            PluginsCommand.printProblems(err, inspection.problems());
            return 1;
        }
        Map<String, ResolvedConfig.Value> values = inspection.config().values();
        if (format == OutputFormat.json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (ResolvedConfig.Value v : values.values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("key", v.key().name());
                m.put("value", display(v));
                m.put("type", v.key().type().displayName());
                m.put("origin", v.origin());
                m.put("declaredBy", v.owner());
                list.add(m);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("configFile", installation.configFile() == null ? null : installation.configFile().toString());
            root.put("values", list);
            out.println(Json.write(root));
            return 0;
        }
        out.println("Configuration file: " + (installation.configFile() == null ? "(none)" : installation.configFile()));
        TextTable table = new TextTable("KEY", "VALUE", "ORIGIN", "DECLARED BY");
        for (ResolvedConfig.Value v : values.values()) {
            table.row(v.key().name(), display(v), v.origin(), v.owner());
        }
        table.print(out);
        return 0;
    }

    private static String display(ResolvedConfig.Value v) {
        Object value = v.value();
        if (value == null) {
            return "";
        }
        if (value instanceof List) {
            return String.join(",", (List<String>) castList(value));
        }
        if (value instanceof Duration || v.text() != null && v.key().type() == ConfigType.SIZE) {
            return v.text().trim();
        }
        return value.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }
}
