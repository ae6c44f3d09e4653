package org.neuroquantum.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.neuroquantum.cli.demo.CrashDemoChild;
import org.neuroquantum.engine.Kernel;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.db.RowCursor;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.txn.Transaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code neuroquantum demo}: demonstrations of what the engine promises. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = NeuroQuantumCommand.Versions.class,
        description = "Demonstrations of what NeuroQuantumDB promises.",
        subcommands = {DemoCommand.Crash.class})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code neuroquantum demo crash}. */
    @Command(name = "crash", mixinStandardHelpOptions = true, versionProvider = NeuroQuantumCommand.Versions.class,
            description = {"Crash test you can watch: a child process stores --rows sensor readings (transactions "
                    + "of 1,000 rows, each acknowledged once committed) and keeps writing; during that write burst "
                    + "it is killed with SIGKILL. The database is then reopened (recovered), a point query and a "
                    + "10,000-row range query are timed, and every acknowledged row is checked.",
                "Exit status 0 when every acknowledged row is present, 1 otherwise."})
    static final class Crash implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Installation installation;

        @Option(names = "--rows", paramLabel = "N", defaultValue = "1000000",
                description = "Rows to store before the kill (default: ${DEFAULT-VALUE}).")
        long rows;

        @Option(names = "--dir", paramLabel = "DIR",
                description = "Database directory (must not exist yet). Default: a temporary directory, deleted "
                        + "afterwards.")
        Path dir;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
                description = "Seed of the moment of the kill within the burst (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (rows < 1) {
                err.println("error: --rows must be at least 1, not " + rows);
                return 2;
            }
            boolean temporary = dir == null;
            Path database = temporary ? Files.createTempDirectory("nq-crash-demo") : dir.toAbsolutePath();
            if (!temporary && Files.exists(database)) {
                err.println("error: --dir " + database + " exists; the demo needs a new directory.");
                return 2;
            }
            try {
                return run(database, out, err);
            } finally {
                if (temporary) {
                    deleteTree(database);
                }
            }
        }

        private int run(Path database, PrintWriter out, PrintWriter err) throws Exception {
            boolean progress = format == OutputFormat.table;
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports") || arg.startsWith("-Xmx")) {
                    command.add(arg);
                }
            }
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(CrashDemoChild.class.getName());
            command.add(database.toString());
            command.add(Long.toString(rows));
            command.add(installation.home().toString());
            command.add(installation.configFile() == null ? "-" : installation.configFile().toString());
            command.addAll(installation.overrides);
            long loadStart = System.nanoTime();
            Path childLog = Files.createTempFile("nq-crash-demo-child", ".log");
            Process child = new ProcessBuilder(command).redirectError(childLog.toFile()).start();
            try {
                return watch(child, childLog, database, out, err, progress, loadStart);
            } finally {
                child.destroyForcibly();
                Files.deleteIfExists(childLog);
            }
        }

        private int watch(Process child, Path childLog, Path database, PrintWriter out, PrintWriter err,
                boolean progress, long loadStart) throws Exception {
            AtomicLong acknowledged = new AtomicLong();
            AtomicLong loadedNanos = new AtomicLong();
            long nextReport = Math.max(rows / 10, 1000);
            boolean killed = false;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                long reported = 0;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        acknowledged.set(Long.parseLong(line.substring(4)));
                        if (progress && acknowledged.get() - reported >= nextReport && acknowledged.get() < rows) {
                            reported = acknowledged.get();
                            err.printf("stored %,d of %,d rows%n", reported, rows);
                            err.flush();
                        }
                    } else if (line.equals("LOADED")) {
                        loadedNanos.set(System.nanoTime() - loadStart);
                        // The burst: the child keeps writing; the kill lands somewhere in it.
                        long burstMillis = 50 + new Random(seed).nextInt(250);
                        long deadline = System.nanoTime() + burstMillis * 1_000_000L;
                        while (System.nanoTime() < deadline && (line = readIfReady(in)) != null) {
                            if (line.startsWith("ACK ")) {
                                acknowledged.set(Long.parseLong(line.substring(4)));
                            }
                        }
                        // Acknowledgements the child wrote before it died still count: drain what is buffered.
                        while (in.ready() && (line = in.readLine()) != null) {
                            if (line.startsWith("ACK ")) {
                                acknowledged.set(Long.parseLong(line.substring(4)));
                            }
                        }
                        child.destroyForcibly();
                        killed = true;
                        break;
                    }
                }
            }
            child.waitFor(30, TimeUnit.SECONDS);
            if (!killed) {
                err.println("error: the child process ended before it stored the rows (exit status "
                        + child.exitValue() + "). Its last messages:");
                List<String> log = Files.readAllLines(childLog);
                log.subList(Math.max(0, log.size() - 20), log.size()).forEach(err::println);
                return 1;
            }
            if (progress) {
                err.printf("killed the writer with SIGKILL after %,d acknowledged rows; reopening%n",
                        acknowledged.get());
                err.flush();
            }
            Map<String, Object> result = verify(database, acknowledged.get(), loadedNanos.get());
            if (format == OutputFormat.json) {
                out.println(Json.write(result));
            } else {
                TextTable table = new TextTable("MEASURE", "VALUE");
                result.forEach((k, v) -> table.row(k, String.valueOf(v)));
                table.print(out);
            }
            out.flush();
            return Boolean.TRUE.equals(result.get("allAcknowledgedRowsPresent")) ? 0 : 1;
        }

        private static String readIfReady(BufferedReader in) throws IOException {
            if (in.ready()) {
                return in.readLine();
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            return "";
        }

        private Map<String, Object> verify(Path database, long acknowledged, long loadNanos) {
            long openStart = System.nanoTime();
            try (Database db = Database.open(database, Kernel.start(Kernel.Options.installation(installation.home(),
                    installation.rawConfig())))) {
                long openNanos = System.nanoTime() - openStart;
                Database.RecoveryReport recovery = db.recoveryReport();
                Table table = db.table(CrashDemoChild.TABLE);
                Map<String, Object> r = new LinkedHashMap<>();
                try (Transaction tx = db.begin(true)) {
                    long pointId = acknowledged / 2;
                    long t0 = System.nanoTime();
                    Object[] point = table.get(tx, pointId);
                    long pointNanos = System.nanoTime() - t0;
                    long from = acknowledged / 4;
                    long t1 = System.nanoTime();
                    long rangeRows = 0;
                    try (RowCursor c = table.scan(tx, new Object[] {from}, new Object[] {from + 9_999}, false)) {
                        while (c.next()) {
                            c.row();
                            rangeRows++;
                        }
                    }
                    long rangeNanos = System.nanoTime() - t1;
                    BitSet present = new BitSet();
                    long extra = 0;
                    long total = 0;
                    boolean rowsIntact = true;
                    try (RowCursor c = table.scan(tx, null, null, false)) {
                        while (c.next()) {
                            Object[] row = c.row();
                            long id = (Long) row[0];
                            total++;
                            rowsIntact &= java.util.Arrays.equals(row, CrashDemoChild.row(id));
                            if (id < acknowledged) {
                                present.set((int) id);
                            } else {
                                extra++;
                            }
                        }
                    }
                    long missing = acknowledged - present.cardinality();
                    tx.commit();
                    r.put("rowsRequested", rows);
                    r.put("rowsAcknowledged", acknowledged);
                    r.put("rowsPresent", total);
                    r.put("acknowledgedRowsMissing", missing);
                    r.put("committedButUnacknowledgedRows", extra);
                    r.put("allAcknowledgedRowsPresent", missing == 0 && rowsIntact);
                    r.put("rowsIntact", rowsIntact);
                    r.put("loadSeconds", round(loadNanos / 1e9));
                    r.put("loadRowsPerSecond", loadNanos == 0 ? 0 : Math.round(rows / (loadNanos / 1e9)));
                    r.put("recoveryMillis", round(openNanos / 1e6));
                    r.put("logRecordsAnalysed", recovery.recordsRead());
                    r.put("pageChangesRedone", recovery.changesRedone());
                    r.put("transactionsRolledBack", recovery.transactionsRolledBack());
                    r.put("tornPagesRebuilt", recovery.tornPagesRebuilt());
                    r.put("pointQueryMicros", round(pointNanos / 1e3));
                    r.put("pointQueryFound", point != null);
                    r.put("rangeQueryRows", rangeRows);
                    r.put("rangeQueryMillis", round(rangeNanos / 1e6));
                }
                return r;
            }
        }

        private static double round(double v) {
            return Math.round(v * 100) / 100.0;
        }

        private static void deleteTree(Path root) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
