package org.neuroquantum.bench.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.neuroquantum.bench.kv.Directories;
import org.neuroquantum.bench.report.GeneratedSection;
import org.neuroquantum.bench.storage.RunEnvironment;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the SQL benchmarks ({@link SqlOltp}, {@link TpchQuery}) for every engine in one JMH run and writes the SQL
 * section of {@code docs/benchmarks.md} with the raw results in {@code docs/benchmarks/sql-jmh.json}.
 *
 * <pre>
 * SqlSuite [--engines neuroquantum,sqlite,h2] [--scale 0.1] [--rows 100000] [--include REGEX] [--data-dir DIR]
 *          [--docs DIR] [--fresh] [--report-only]
 * </pre>
 *
 * Databases are loaded on first use under the data directory (default {@code benchmarks/target/sql-bench}) and
 * kept for later runs; {@code --fresh} deletes them first. {@code --report-only} re-renders the page from the raw
 * results of an earlier run.
 */
public final class SqlSuite {
    static final String RAW = "sql-jmh.json";
    static final String RUN = "sql-run.json";

    private SqlSuite() {
    }

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException, RunnerException {
        List<String> engines = Arrays.stream(SqlEngine.values()).map(SqlEngine::label).toList();
        String scale = "0.1";
        String rows = "100000";
        String include = ".*";
        Path dataDir = Path.of("benchmarks/target/sql-bench");
        Path docs = Path.of("docs");
        boolean fresh = false;
        boolean reportOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--engines" -> engines = Arrays.stream(value(args, ++i).split(",")).map(String::trim).toList();
                case "--scale" -> scale = value(args, ++i);
                case "--rows" -> rows = value(args, ++i);
                case "--include" -> include = value(args, ++i);
                case "--data-dir" -> dataDir = Path.of(value(args, ++i));
                case "--docs" -> docs = Path.of(value(args, ++i));
                case "--fresh" -> fresh = true;
                case "--report-only" -> reportOnly = true;
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'; see the usage in "
                        + SqlSuite.class.getName());
            }
        }
        engines.forEach(SqlEngine::named); // fails on an unknown name before anything runs
        Double.parseDouble(scale);
        Integer.parseInt(rows);
        Path raw = docs.resolve("benchmarks");
        ObjectMapper json = new ObjectMapper();
        if (!reportOnly) {
            dataDir = dataDir.toAbsolutePath();
            if (fresh) {
                Directories.delete(dataDir);
            }
            RunEnvironment environment = RunEnvironment.capture(dataDir);
            String date = ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME);
            long start = System.nanoTime();
            Files.createDirectories(raw);
            Path result = dataDir.resolve(RAW);
            new Runner(new OptionsBuilder()
                    .include(SqlSuite.class.getPackageName().replace(".", "\\.") + "\\." + include)
                    .param("engine", engines.toArray(String[]::new))
                    .param("scale", scale)
                    .param("rows", rows)
                    .param("dataDir", dataDir.toString())
                    .resultFormat(ResultFormatType.JSON)
                    .result(result.toString())
                    .build()).run();
            Files.copy(result, raw.resolve(RAW), StandardCopyOption.REPLACE_EXISTING);
            SqlReport.Run run = new SqlReport.Run("java -cp benchmarks/target/benchmarks.jar " + SqlSuite.class.getName()
                    + (args.length == 0 ? "" : " " + String.join(" ", args)), date, engines, scale, rows,
                    (System.nanoTime() - start) / 60e9, environment, RunEnvironment.capture(dataDir));
            json.writerWithDefaultPrettyPrinter().writeValue(raw.resolve(RUN).toFile(), run);
        }
        SqlReport.Run run = json.readValue(raw.resolve(RUN).toFile(), SqlReport.Run.class);
        JsonNode results = json.readTree(raw.resolve(RAW).toFile());
        Path page = docs.resolve("benchmarks.md");
        GeneratedSection.writeInto(page, SqlReport.BEGIN_PREFIX, SqlReport.END, SqlReport.render(results, run));
        System.out.println("Wrote " + page.toAbsolutePath());
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
