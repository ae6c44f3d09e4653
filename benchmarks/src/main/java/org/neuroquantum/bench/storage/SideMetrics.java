package org.neuroquantum.bench.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures a JMH score cannot carry (bytes on disk, engine versions, verification counts), appended by the
 * forked benchmark JVMs as one JSON object per line to {@code side-metrics.jsonl} in the data directory and read
 * back by the report.
 */
public final class SideMetrics {
    /** The file's name inside the data directory. */
    public static final String FILE = "side-metrics.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SideMetrics() {
    }

    /** Appends one entry: {@code workload}, {@code engine}, {@code metric} and its {@code value}. */
    public static synchronized void record(Path dataDir, String workload, String engine, String metric, Object value) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("workload", workload);
        entry.put("engine", engine);
        entry.put("metric", metric);
        entry.put("value", value);
        try {
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve(FILE), JSON.writeValueAsString(entry) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to " + dataDir.resolve(FILE), e);
        }
    }

    /** Every entry of {@code file} (none if it does not exist), in the order written. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> read(Path file) {
        List<Map<String, Object>> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        try {
            int line = 0;
            for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    entries.add(JSON.readValue(text, Map.class));
                } catch (IOException e) {
                    throw new IllegalArgumentException(file + ":" + line + ": not a JSON object: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return entries;
    }
}
