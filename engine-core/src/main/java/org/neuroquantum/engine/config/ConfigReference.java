package org.neuroquantum.engine.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroquantum.spi.config.ConfigKey;

/**
 * Renders {@code docs/configuration.md} from the declarations, so the reference can never disagree with the
 * code: a test regenerates it and fails when the committed page differs.
 */
public final class ConfigReference {
    private ConfigReference() {
    }

    /** The Markdown reference for every declared key, grouped by owner (kernel first, then plugins). */
    public static String markdown(DeclaredConfig declared) {
        Map<String, List<DeclaredConfig.Declaration>> byOwner = new LinkedHashMap<>();
        for (DeclaredConfig.Declaration d : declared.all().values()) {
            byOwner.computeIfAbsent(d.owner(), o -> new ArrayList<>()).add(d);
        }
        StringBuilder out = new StringBuilder();
        out.append("# Configuration reference\n\n")
                .append("<!-- Generated from the key declarations by `neuroquantum config --reference`; ")
                .append("a test fails when this page is stale. Do not edit by hand. -->\n\n")
                .append("Configuration is read from `conf/neuroquantum.properties` (Java properties format), then ")
                .append("overridden by `--set key=value` on the command line. Unknown keys are reported as ")
                .append("warnings; a value that does not fit its key's type or validator stops start-up with a ")
                .append("message naming the key. `neuroquantum config` shows the effective values and where each ")
                .append("came from.\n\n")
                .append("Value types: `boolean` (true/false), `int`, `long`, `double`, `string`, `list` ")
                .append("(comma-separated), `size` (bytes, with optional unit B, KB, MB, GB, TB in powers of ")
                .append("1024), `duration` (a number with unit ms, s, m, h or d).\n");
        for (Map.Entry<String, List<DeclaredConfig.Declaration>> group : byOwner.entrySet()) {
            String owner = group.getKey();
            out.append("\n## ").append(owner.equals("kernel") ? "Kernel" : "Plugin `" + owner + "`").append("\n\n");
            out.append("| key | type | default | valid values | description |\n");
            out.append("|---|---|---|---|---|\n");
            for (DeclaredConfig.Declaration d : group.getValue()) {
                ConfigKey key = d.key();
                String valid = key.validator() == null ? "" : key.validator().describe();
                String def = key.defaultText() == null ? "(none)"
                        : key.defaultText().isEmpty() ? "(empty)" : "`" + key.defaultText() + "`";
                out.append("| `").append(key.name()).append("` | ").append(key.type().displayName())
                        .append(" | ").append(def).append(" | ").append(cell(valid)).append(" | ")
                        .append(cell(key.documentation())).append(" |\n");
            }
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
