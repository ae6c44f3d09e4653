package org.neuroquantum.bench.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.neuroquantum.bench.kv.Directories;
import org.neuroquantum.bench.kv.Engines;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the whole storage suite (W1–W8, every engine) and writes the report: one JMH run of the loads (W1, which
 * also measures W8), then one of the other workloads.
 *
 * <pre>
 * StorageSuite [--records N] [--engines a,b,...] [--data-dir DIR] [--docs DIR] [--include REGEX] [--keep-data]
 *              [--report-only]
 * </pre>
 *
 * Defaults: 1,000,000 records, every engine, data in {@code benchmarks/target/storage-bench} (wiped first unless
 * {@code --keep-data}), report into {@code docs/benchmarks.md} with the raw results in {@code docs/benchmarks/}.
 * {@code --report-only} re-renders the report from the raw results of an earlier run in the docs directory.
 */
public final class StorageSuite {
    private static final String JMH_JSON = "storage-jmh.json";
    private static final String SIDE_JSONL = "storage-side-metrics.jsonl";
    private static final String RUN_JSON = "storage-run.json";
    /** The benchmarks after the loads (class.method), for matching --include before JMH does. */
    static final List<String> WORKLOADS = List.of("W2PointLookup.get", "W3RangeScan.scan",
            "W4DurableCommit.threads01", "W4DurableCommit.threads04", "W4DurableCommit.threads16",
            "W4RawFsync.writeAndSync", "W5ReadUpdate.operation", "W6CrashRecovery.recoverAndQuery",
            "W7LargerThanCache.get");

    private StorageSuite() {
    }

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException, RunnerException {
        int records = 1_000_000;
        List<String> engines = Engines.ALL;
        Path dataDir = Path.of("benchmarks/target/storage-bench");
        Path docs = Path.of("docs");
        String include = "W[0-9].*";
        boolean keepData = false;
        boolean reportOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--records" -> records = Integer.parseInt(value(args, ++i));
                case "--engines" -> engines = Arrays.stream(value(args, ++i).split(",")).map(String::trim).toList();
                case "--data-dir" -> dataDir = Path.of(value(args, ++i));
                case "--docs" -> docs = Path.of(value(args, ++i));
                case "--include" -> include = value(args, ++i);
                case "--keep-data" -> keepData = true;
                case "--report-only" -> reportOnly = true;
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'; see the usage in "
                        + StorageSuite.class.getName());
            }
        }
        for (String e : engines) {
            Engines.create(e); // fails on an unknown name before anything runs
        }
        dataDir = dataDir.toAbsolutePath();
        Path raw = docs.resolve("benchmarks");
        ObjectMapper json = new ObjectMapper();
        StorageReport.Run run;
        if (reportOnly) {
            run = json.readValue(raw.resolve(RUN_JSON).toFile(), StorageReport.Run.class);
        } else {
            run = runSuite(args, records, engines, dataDir, include, keepData);
            Files.createDirectories(raw);
            writeWithoutRawSamples(dataDir.resolve(JMH_JSON), raw.resolve(JMH_JSON));
            Path side = dataDir.resolve(SideMetrics.FILE);
            if (Files.exists(side)) {
                Files.copy(side, raw.resolve(SIDE_JSONL), StandardCopyOption.REPLACE_EXISTING);
            }
            json.writerWithDefaultPrettyPrinter().writeValue(raw.resolve(RUN_JSON).toFile(), run);
        }
        JsonNode results = json.readTree(raw.resolve(JMH_JSON).toFile());
        String section = StorageReport.render(results, SideMetrics.read(raw.resolve(SIDE_JSONL)), run);
        Path report = docs.resolve("benchmarks.md");
        StorageReport.writeInto(report, section);
        System.out.println("Wrote " + report.toAbsolutePath());
    }

    private static StorageReport.Run runSuite(String[] args, int records, List<String> engines, Path dataDir,
            String include, boolean keepData) throws RunnerException, IOException {
        if (!keepData) {
            Directories.delete(dataDir);
        }
        RunEnvironment before = RunEnvironment.capture(dataDir);
        String date = ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME);
        long start = System.nanoTime();
        // Two JMH runs, the loads first: JMH orders benchmarks by mode, which would put the single-shot loads last,
        // and a random-order load can only become the shared dataset if it comes before the workloads reading it.
        String pkg = StorageSuite.class.getPackageName().replace(".", "\\.") + "\\.";
        Pattern selected = Pattern.compile(include);
        List<Path> parts = new ArrayList<>();
        if (selected.matcher(W1BulkLoad.class.getSimpleName() + ".load").find()) {
            Path part = dataDir.resolve("jmh-loads.json");
            run(options(engines, records, dataDir, part).include(pkg + W1BulkLoad.class.getSimpleName()));
            parts.add(part);
        }
        if (WORKLOADS.stream().anyMatch(w -> selected.matcher(w).find())) {
            Path part = dataDir.resolve("jmh-workloads.json");
            run(options(engines, records, dataDir, part).include(pkg + include)
                    .exclude(pkg + W1BulkLoad.class.getSimpleName()));
            parts.add(part);
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("--include " + include + " selects no benchmark of the suite: W1BulkLoad"
                    + ".load, " + String.join(", ", WORKLOADS));
        }
        mergeJsonArrays(parts, dataDir.resolve(JMH_JSON));
        double minutes = (System.nanoTime() - start) / 60e9;
        RunEnvironment after = RunEnvironment.capture(dataDir);
        List<String> command = new ArrayList<>(List.of("benchmarks/run-storage-suite.sh"));
        command.addAll(Arrays.asList(args));
        return new StorageReport.Run(String.join(" ", command), date, records, engines, minutes, before, after);
    }

    private static ChainedOptionsBuilder options(List<String> engines, int records, Path dataDir, Path result) {
        return new OptionsBuilder()
                .param("engine", engines.toArray(String[]::new))
                .param("records", Integer.toString(records))
                .param("dataDir", dataDir.toString())
                .resultFormat(ResultFormatType.JSON)
                .result(result.toString());
    }

    private static void run(ChainedOptionsBuilder options) throws RunnerException {
        new Runner(options.build()).run();
    }

    /** Concatenates JMH's JSON result arrays (missing files: a run that selected nothing) into one array. */
    static void mergeJsonArrays(List<Path> parts, Path merged) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode all = json.createArrayNode();
        for (Path p : parts) {
            if (Files.exists(p) && Files.size(p) > 0) {
                json.readTree(p.toFile()).forEach(all::add);
            }
        }
        json.writerWithDefaultPrettyPrinter().writeValue(merged.toFile(), all);
    }

    /**
     * Copies JMH's results without the per-iteration samples and histograms (the bulk of the file for SampleTime
     * benchmarks; the report uses scores, errors and percentiles only).
     */
    static void writeWithoutRawSamples(Path from, Path to) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode results = json.readTree(from.toFile());
        for (JsonNode r : results) {
            stripRaw(r.path("primaryMetric"));
            r.path("secondaryMetrics").forEach(StorageSuite::stripRaw);
        }
        json.writerWithDefaultPrettyPrinter().writeValue(to.toFile(), results);
    }

    private static void stripRaw(JsonNode metric) {
        if (metric instanceof ObjectNode o) {
            o.remove("rawData");
            o.remove("rawDataHistogram");
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
