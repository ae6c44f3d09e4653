package org.neuroquantum.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.neuroquantum.cli.sql.SensorsSample;
import org.neuroquantum.engine.Kernel;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.sql.SqlSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code neuroquantum sql}: the SQL shell, interactive or for scripts. */
@Command(name = "sql", mixinStandardHelpOptions = true, versionProvider = NeuroQuantumCommand.Versions.class,
        description = {"Runs SQL on an embedded database: interactively (with history, statements over several "
                + "lines ending at ';', aligned tables, row counts and timings), one-shot with -e, as a script "
                + "with -f, or from standard input when it is not a terminal.",
            "",
            "Without --db it opens the sample database (DATA/sample, where DATA is the data/ directory of the "
                    + "installation, or the directory given by the system property neuroquantum.data, which the "
                    + "source tree's ./neuroquantum sets to its own data/): on first use it is created with the "
                    + "table sensors (id, sensor, room, temp, humidity, ts; 100,000 readings, index sensors_temp "
                    + "on temp). Try: SELECT room, AVG(temp) FROM sensors WHERE temp > 25 GROUP BY room;",
            "",
            "System tables: nq_stat_statements, nq_stat_indexes, nq_locks, nq_plugins, nq_metrics (see docs/sql.md)."},
        footer = {"", "Exit status: 0 every statement succeeded; 1 a statement failed (its error, with SQLSTATE and "
                + "FILE:LINE for scripts, is on standard error; without --continue-on-error the statements after "
                + "it did not run) or the database could not be opened; 2 bad usage (unknown option, unreadable "
                + "file)."})
final class SqlCommand implements Callable<Integer> {
    /** System property naming the directory under which the sample database lives. */
    static final String DATA_PROPERTY = "neuroquantum.data";
    private static final String QUIET_LOGS = "org.slf4j.simpleLogger.defaultLogLevel";

    @Spec
    CommandSpec spec;

    @Mixin
    Installation installation;

    @Option(names = "--db", paramLabel = "DIR",
            description = "Database directory (created if missing). Default: the sample database.")
    Path db;

    @Option(names = "--sample", description = "Create the sensors sample table in the --db database if it is not "
            + "there (always done for the default database).")
    boolean sample;

    @Option(names = "--sample-rows", paramLabel = "N", defaultValue = "" + SensorsSample.DEFAULT_ROWS,
            description = "Rows of a newly created sample table (default: ${DEFAULT-VALUE}).")
    int sampleRows;

    static final class Input {
        @Option(names = {"-e", "--execute"}, paramLabel = "SQL", required = true,
                description = "Statements to run (separated by ';'), then exit.")
        String execute;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", required = true,
                description = "A script to run, then exit. Errors name FILE:LINE.")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Input input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Result format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). table adds row "
                    + "counts and timings; json prints one array of statement results for -e/-f.")
    ResultFormat format;

    @Option(names = "--continue-on-error", description = "In -e/-f mode, run the remaining statements after a "
            + "failure (the exit status is still 1).")
    boolean continueOnError;

    @Option(names = "--history", paramLabel = "FILE",
            description = "History file of the interactive mode. Default: ~/.neuroquantum_history.")
    Path history;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String script = null;
        String source = null;
        if (input != null && input.file != null) {
            if (!Files.isReadable(input.file)) {
                err.println("error: cannot read the script " + input.file);
                return 2;
            }
            script = Files.readString(input.file, StandardCharsets.UTF_8);
            source = input.file.toString();
        } else if (input != null) {
            script = input.execute;
            source = "-e";
        }
        if (sampleRows < 1) {
            err.println("error: --sample-rows must be at least 1, not " + sampleRows);
            return 2;
        }
        if (System.getProperty(QUIET_LOGS) == null) {
            // The kernel's start-up lines (plugins loaded, log opened) would bury the results; warnings stay.
            System.setProperty(QUIET_LOGS, "warn");
        }
        boolean useSample = db == null || sample;
        Path directory = (db == null ? sampleDirectory() : db).toAbsolutePath().normalize();
        boolean interactive = script == null && System.console() != null;
        try (Database database = Database.open(directory, Kernel.start(Kernel.Options.installation(
                installation.home(), installation.rawConfig())))) {
            if (useSample && !SensorsSample.present(database)) {
                loadSample(database, err);
            }
            try (SqlSession session = new SqlSession(database)) {
                if (script != null) {
                    return new SqlShell(session, format, out, err).runScript(script, source, continueOnError) == 0
                            ? 0 : 1;
                }
                if (!interactive) {
                    String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
                    return new SqlShell(session, format, out, err).runScript(text, "<stdin>", continueOnError) == 0
                            ? 0 : 1;
                }
                try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                    PrintWriter w = terminal.writer();
                    String banner = "NeuroQuantumDB " + Installation.version() + " SQL shell on " + directory;
                    if (SensorsSample.present(database)) {
                        banner += "\nThe table sensors holds sample readings (index sensors_temp on temp). Try:"
                                + "\n  EXPLAIN ANALYZE SELECT * FROM sensors WHERE temp > 25;"
                                + "\n  SELECT room, COUNT(*), AVG(temp) FROM sensors WHERE temp > 25 GROUP BY room;";
                    }
                    return new SqlShell(session, format, w, w).interactive(terminal, historyFile(), banner);
                }
            }
        }
    }

    private void loadSample(Database database, PrintWriter err) {
        long start = System.nanoTime();
        err.print("Creating the sample table sensors in " + database.directory() + " ...");
        err.flush();
        String step = System.console() != null ? "\r" : "\n";
        SensorsSample.ensure(database, sampleRows, n -> {
            err.print(String.format(Locale.ROOT, "%sCreating the sample table sensors: %,d of %,d rows", step, n,
                    sampleRows));
            err.flush();
        });
        try (SqlSession session = new SqlSession(database)) {
            // Statistics, so that the first EXPLAIN a newcomer types shows estimates close to the actual rows.
            session.execute("ANALYZE sensors");
        }
        err.println(String.format(Locale.ROOT, ", index on temp built, statistics collected (%.1f s).",
                (System.nanoTime() - start) / 1e9));
        err.flush();
    }

    private Path sampleDirectory() {
        String data = System.getProperty(DATA_PROPERTY);
        Path base = data == null || data.isBlank() ? installation.home().resolve("data") : Paths.get(data);
        return base.resolve("sample");
    }

    private Path historyFile() {
        if (history != null) {
            return history;
        }
        return Paths.get(System.getProperty("user.home"), ".neuroquantum_history");
    }
}
