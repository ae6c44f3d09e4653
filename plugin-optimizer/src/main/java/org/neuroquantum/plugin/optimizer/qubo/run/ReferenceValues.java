package org.neuroquantum.plugin.optimizer.qubo.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Published reference values kept next to the instances: {@code best-known.csv} (Gset: column
 * {@code best_known_cut}) and {@code optimal.csv} (TSPLIB: column {@code optimal_length}), each keyed by the
 * {@code instance} column. A missing file or row means "unknown", never an error.
 */
public final class ReferenceValues {
    private ReferenceValues() {
    }

    /** The value for {@code instance} in the first CSV next to it that has {@code column}. */
    public static OptionalDouble lookup(Path instanceFile, String instance, String csvName, String column) {
        Path dir = instanceFile.toAbsolutePath().getParent();
        if (dir == null) {
            return OptionalDouble.empty();
        }
        Path csv = dir.resolve(csvName);
        if (!Files.isRegularFile(csv)) {
            return OptionalDouble.empty();
        }
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return OptionalDouble.empty();
            }
            String[] header = lines.get(0).split(",");
            int key = -1;
            int value = -1;
            for (int i = 0; i < header.length; i++) {
                String h = header[i].trim().toLowerCase(Locale.ROOT);
                if (h.equals("instance")) {
                    key = i;
                } else if (h.equals(column)) {
                    value = i;
                }
            }
            if (key < 0 || value < 0) {
                return OptionalDouble.empty();
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                if (f.length > Math.max(key, value) && f[key].trim().equalsIgnoreCase(instance)) {
                    return OptionalDouble.of(Double.parseDouble(f[value].trim()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.empty();
    }
}
