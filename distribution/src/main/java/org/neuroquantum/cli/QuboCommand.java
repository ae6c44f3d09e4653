package org.neuroquantum.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neuroquantum.plugin.optimizer.qubo.io.InstanceFormatException;
import org.neuroquantum.plugin.optimizer.qubo.run.ProblemKind;
import org.neuroquantum.plugin.optimizer.qubo.run.ProblemRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code neuroquantum qubo solve}: the QUBO framework's solvers on standard benchmark instances. */
@Command(name = "qubo", mixinStandardHelpOptions = true, versionProvider = NeuroQuantumCommand.Versions.class,
        description = "Solve Max-Cut, graph colouring and TSP instances with the QUBO annealers and native search.",
        subcommands = {QuboCommand.SolveCommand.class})
final class QuboCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "solve", mixinStandardHelpOptions = true, versionProvider = NeuroQuantumCommand.Versions.class,
            description = {"Read an instance (maxcut: Gset; coloring: DIMACS .col; tsp: TSPLIB .tsp), solve it and "
                    + "print each path's value, its ratio to the best known or optimal value when known, "
                    + "feasibility and time.",
                    "Reference values: best-known.csv (Max-Cut) or optimal.csv (TSP) next to the instance, the "
                            + "chromatic number from the 'p' line of a .col file.",
                    "Max-Cut runs the chosen annealer for the whole time limit. Colouring and TSP run the one-hot "
                            + "QUBO for half of it, then the problem-native search (TabuCol; 2-opt/Or-opt iterated "
                            + "local search) for the rest, each reported on its own line.",
                    "Exit status: 0 solved, 1 the instance could not be read (file and line are named), 2 bad "
                            + "usage."})
    static final class SolveCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--problem", required = true, paramLabel = "PROBLEM",
                description = "maxcut, coloring or tsp.")
        String problem;

        @Option(names = "--instance", required = true, paramLabel = "FILE", description = "The instance file.")
        Path instance;

        @Option(names = "--solver", defaultValue = "sa", paramLabel = "SOLVER",
                description = "QUBO solver: sa, sqa or pt (default: ${DEFAULT-VALUE}).")
        String solver;

        @Option(names = "--time-limit", defaultValue = "1s", paramLabel = "DURATION",
                converter = DurationConverter.class,
                description = "Wall-clock budget, e.g. 500ms, 1s, 2.5s, 1m (default: ${DEFAULT-VALUE}).")
        Duration timeLimit;

        @Option(names = "--sweeps", defaultValue = "0", paramLabel = "N",
                description = "Fixed sweep budget per restart for the QUBO solver instead of pacing it by the time "
                        + "limit: the QUBO result is then identical for the same seed, sweeps and threads.")
        long sweeps;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
                description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--threads", paramLabel = "N",
                description = "Worker threads for restarts and independent searches (default: the processors).")
        Integer threads;

        @Option(names = "--qubo-max-cities", defaultValue = "" + ProblemRunner.DEFAULT_QUBO_MAX_CITIES,
                paramLabel = "N", description = "Largest TSP sent through the n² one-hot QUBO (default: "
                        + "${DEFAULT-VALUE}); larger instances use the native search only.")
        int quboMaxCities;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            ProblemKind kind;
            try {
                kind = ProblemKind.parse(problem);
                org.neuroquantum.plugin.optimizer.qubo.solver.Solvers.byName(solver);
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return 2;
            }
            if (!Files.isRegularFile(instance)) {
                err.println("error: no such instance file: " + instance + " (expected a " + kind.format() + " file)");
                return 1;
            }
            int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (threadCount < 1 || timeLimit.isZero() || timeLimit.isNegative() || quboMaxCities < 0 || sweeps < 0) {
                err.println("error: --threads and --time-limit must be positive, --qubo-max-cities and --sweeps "
                        + "non-negative");
                return 2;
            }
            ProblemRunner.Report report;
            try {
                report = ProblemRunner.run(new ProblemRunner.Request(kind, instance, solver, timeLimit, seed,
                        threadCount, quboMaxCities, sweeps));
            } catch (InstanceFormatException e) {
                err.println("error: not a valid " + kind.format() + " instance: " + e.getMessage());
                return 1;
            } catch (IOException | java.io.UncheckedIOException e) {
                err.println("error: cannot read " + instance + ": " + e.getMessage());
                return 1;
            } catch (IllegalArgumentException e) {
                err.println("error: " + instance + ": " + e.getMessage());
                return 1;
            }
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.json) {
                out.println(Json.write(asJson(report)));
            } else {
                printTable(out, report);
            }
            return 0;
        }

        private void printTable(PrintWriter out, ProblemRunner.Report r) {
            out.println(r.problem().id() + " " + r.instance() + " (" + r.size() + "), solver " + r.solver() + ", seed "
                    + r.seed() + ", time limit " + format(timeLimit));
            out.println(r.referenceName() + ": "
                    + (r.reference().isPresent() ? number(r.reference().getAsDouble()) : "unknown"));
            TextTable table = new TextTable("METHOD", "VALUE", "UNIT", "RATIO", "FEASIBLE", "TIME", "TO BEST", "NOTE");
            for (ProblemRunner.Outcome o : r.outcomes()) {
                table.row(o.method(), Double.isNaN(o.value()) ? "-" : number(o.value()), o.unit(),
                        Double.isNaN(o.ratio()) ? "-" : String.format(Locale.ROOT, "%.4f", o.ratio()),
                        Double.isNaN(o.value()) ? "-" : (o.feasible() ? "yes" : "no"), millis(o.nanos()),
                        millis(o.nanosToBest()), o.note());
            }
            table.print(out);
        }

        private static String number(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3f", v);
        }

        private static String millis(long nanos) {
            return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
        }

        private static String format(Duration d) {
            return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
        }

        private Map<String, Object> asJson(ProblemRunner.Report r) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("problem", r.problem().id());
            root.put("instance", r.instance());
            root.put("size", r.size());
            root.put("solver", r.solver());
            root.put("seed", r.seed());
            root.put("timeLimitMillis", timeLimit.toMillis());
            root.put("referenceName", r.referenceName());
            root.put("reference", r.reference().isPresent() ? r.reference().getAsDouble() : null);
            List<Map<String, Object>> outcomes = new ArrayList<>();
            for (ProblemRunner.Outcome o : r.outcomes()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("method", o.method());
                m.put("value", Double.isNaN(o.value()) ? null : o.value());
                m.put("unit", o.unit());
                m.put("ratio", Double.isNaN(o.ratio()) ? null : o.ratio());
                m.put("feasible", o.feasible());
                m.put("timeMillis", o.nanos() / 1e6);
                m.put("timeToBestMillis", o.nanosToBest() / 1e6);
                m.put("note", o.note());
                outcomes.add(m);
            }
            root.put("results", outcomes);
            return root;
        }
    }

    /** Parses {@code 500ms}, {@code 1s}, {@code 2.5s}, {@code 1m} or an ISO-8601 duration. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (v.startsWith("pt")) {
                    return Duration.parse(v.toUpperCase(Locale.ROOT));
                }
                if (v.endsWith("ms")) {
                    return Duration.ofNanos(Math.round(Double.parseDouble(v.substring(0, v.length() - 2)) * 1e6));
                }
                if (v.endsWith("s")) {
                    return Duration.ofNanos(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1e9));
                }
                if (v.endsWith("m")) {
                    return Duration.ofNanos(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 6e10));
                }
            } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
                // Fall through to the message below.
            }
            throw new IllegalArgumentException("not a duration: '" + value + "' (use e.g. 500ms, 1s, 2.5s, 1m)");
        }
    }
}
