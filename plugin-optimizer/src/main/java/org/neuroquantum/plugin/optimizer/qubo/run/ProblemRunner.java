package org.neuroquantum.plugin.optimizer.qubo.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.neuroquantum.plugin.optimizer.qubo.QuboModel;
import org.neuroquantum.plugin.optimizer.qubo.coloring.TabuColoring;
import org.neuroquantum.plugin.optimizer.qubo.io.DimacsColReader;
import org.neuroquantum.plugin.optimizer.qubo.io.GsetReader;
import org.neuroquantum.plugin.optimizer.qubo.io.TsplibReader;
import org.neuroquantum.plugin.optimizer.qubo.problem.ColoringInstance;
import org.neuroquantum.plugin.optimizer.qubo.problem.Graph;
import org.neuroquantum.plugin.optimizer.qubo.problem.GraphColoring;
import org.neuroquantum.plugin.optimizer.qubo.problem.MaxCut;
import org.neuroquantum.plugin.optimizer.qubo.problem.TspInstance;
import org.neuroquantum.plugin.optimizer.qubo.problem.TspQubo;
import org.neuroquantum.plugin.optimizer.qubo.solver.QuboSolver;
import org.neuroquantum.plugin.optimizer.qubo.solver.Solution;
import org.neuroquantum.plugin.optimizer.qubo.solver.SolverOptions;
import org.neuroquantum.plugin.optimizer.qubo.solver.Solvers;
import org.neuroquantum.plugin.optimizer.qubo.tsp.IteratedLocalSearch;
import org.neuroquantum.plugin.optimizer.qubo.tsp.TwoOptOrOpt;

/**
 * Runs one problem instance end to end and reports every path separately. With a sweep budget the QUBO solver
 * ignores the clock (its result is then reproducible); the native searches always run on the time limit.
 *
 * <ul>
 *   <li>Max-Cut: the QUBO solved by the chosen solver for the whole time limit.</li>
 *   <li>Colouring: the one-hot QUBO with k = χ (when the file states it, else DSATUR's count) for half the
 *       limit, stopping early at energy 0 (a proper colouring); then TabuCol with colour reduction for the rest,
 *       stopping at χ.</li>
 *   <li>TSP: the n² one-hot QUBO (only up to {@code quboMaxCities}, as it has about n³ couplings) for half the
 *       limit, decoded (repaired if infeasible, which is reported); then 2-opt + Or-opt to a local optimum;
 *       then iterated local search from that tour for the rest, stopping at the known optimum.</li>
 * </ul>
 */
public final class ProblemRunner {
    /** Default largest TSP sent through the n² QUBO (kroA100: 10⁴ variables, 2·10⁶ couplings). */
    public static final int DEFAULT_QUBO_MAX_CITIES = 100;

    /**
     * What to run.
     *
     * @param problem the problem
     * @param instance the instance file
     * @param solver {@code sa}, {@code sqa} or {@code pt}
     * @param timeLimit the total wall-clock budget
     * @param seed the seed
     * @param threads worker threads
     * @param quboMaxCities largest TSP instance sent through the QUBO path
     * @param sweeps a fixed sweep budget per restart for the QUBO solver (reproducible), or 0 to let the time
     *     limit pace it
     */
    public record Request(ProblemKind problem, Path instance, String solver, Duration timeLimit, long seed,
            int threads, int quboMaxCities, long sweeps) {
    }

    /**
     * One path's result.
     *
     * @param method what ran, e.g. {@code qubo/sa}, {@code native tabucol}
     * @param value the objective (cut weight, colours used or conflicts, tour length)
     * @param unit what {@code value} counts
     * @param feasible whether the result is a valid solution as produced (before any repair)
     * @param ratio value relative to the reference (cut/best, colours/χ, length/optimum), NaN if unknown
     * @param nanos wall-clock time of this path
     * @param nanosToBest time until this path first reached {@code value}
     * @param note details: sweeps, repairs, iterations, why skipped
     */
    public record Outcome(String method, double value, String unit, boolean feasible, double ratio, long nanos,
            long nanosToBest, String note) {
    }

    /**
     * All paths on one instance.
     *
     * @param problem the problem
     * @param instance the instance name
     * @param size vertices/cities and edges
     * @param solver the QUBO solver
     * @param seed the seed
     * @param referenceName what the reference value is
     * @param reference the published value, if known
     * @param outcomes one per path, in the order they ran
     */
    public record Report(ProblemKind problem, String instance, String size, String solver, long seed,
            String referenceName, OptionalDouble reference, List<Outcome> outcomes) {
    }

    private ProblemRunner() {
    }

    /** Runs the request. */
    public static Report run(Request request) throws IOException {
        QuboSolver solver = Solvers.byName(request.solver());
        return switch (request.problem()) {
            case MAXCUT -> maxCut(request, solver);
            case COLORING -> coloring(request, solver);
            case TSP -> tsp(request, solver);
        };
    }

    private static double ratio(double value, OptionalDouble reference) {
        return reference.isPresent() && reference.getAsDouble() != 0 ? value / reference.getAsDouble() : Double.NaN;
    }

    private static Report maxCut(Request request, QuboSolver solver) throws IOException {
        Graph graph = GsetReader.read(request.instance());
        OptionalDouble best = ReferenceValues.lookup(request.instance(), graph.name(), "best-known.csv",
                "best_known_cut");
        QuboModel model = MaxCut.toQubo(graph);
        Solution s = solver.solve(model, options(request, request.timeLimit()));
        double cut = MaxCut.cutWeight(graph, s.assignment());
        Outcome o = new Outcome("qubo/" + solver.name(), cut, "cut weight", true, ratio(cut, best), s.nanos(),
                s.nanosToBest(), sweepNote(s));
        return new Report(ProblemKind.MAXCUT, graph.name(), graph.vertexCount() + " vertices, " + graph.edgeCount()
                + " edges", solver.name(), request.seed(), "best known cut", best, List.of(o));
    }

    private static SolverOptions options(Request request, Duration limit) {
        if (request.sweeps() > 0) {
            return new SolverOptions(request.seed(), request.sweeps(), null, request.threads(), request.threads(),
                    Double.NEGATIVE_INFINITY);
        }
        return new SolverOptions(request.seed(), 0, limit, request.threads(), request.threads(),
                Double.NEGATIVE_INFINITY);
    }

    private static String sweepNote(Solution s) {
        return String.format("%d restarts x %d sweeps, %.3g spin updates/s", s.restarts(), s.sweepsPerRestart(),
                s.spinUpdates() * 1e9 / Math.max(1, s.nanos()));
    }

    private static Report coloring(Request request, QuboSolver solver) throws IOException {
        ColoringInstance instance = DimacsColReader.read(request.instance());
        Graph graph = instance.graph();
        OptionalDouble chi = instance.knownChromaticNumber().isPresent()
                ? OptionalDouble.of(instance.knownChromaticNumber().getAsInt()) : OptionalDouble.empty();
        int k = instance.knownChromaticNumber().orElseGet(() -> GraphColoring.coloursUsed(
                org.neuroquantum.plugin.optimizer.qubo.coloring.Dsatur.colour(graph)));
        Duration half = request.timeLimit().dividedBy(2);
        List<Outcome> outcomes = new ArrayList<>();
        QuboModel model = GraphColoring.toQubo(graph, k);
        Solution s = solver.solve(model, options(request, half).withTarget(0.0));
        boolean proper = s.energy() == 0.0;
        int[] decoded = GraphColoring.decode(graph, s.assignment(), k);
        int conflicts = GraphColoring.conflicts(graph, decoded);
        if (proper) {
            int used = GraphColoring.coloursUsed(decoded);
            outcomes.add(new Outcome("qubo/" + solver.name() + " (k=" + k + ")", used, "colours", true,
                    ratio(used, chi), s.nanos(), s.nanosToBest(), sweepNote(s)));
        } else {
            outcomes.add(new Outcome("qubo/" + solver.name() + " (k=" + k + ")", conflicts, "conflicting edges",
                    false, Double.NaN, s.nanos(), s.nanosToBest(), (GraphColoring.isOneHot(s.assignment(),
                            graph.vertexCount(), k) ? "one-hot" : "one-hot violated, repaired") + "; "
                            + sweepNote(s)));
        }
        Duration rest = request.timeLimit().minusNanos(s.nanos());
        if (rest.isNegative() || rest.isZero()) {
            rest = Duration.ofMillis(1);
        }
        TabuColoring.Result r = TabuColoring.solve(graph, new TabuColoring.Options(request.seed(), rest, 0,
                instance.knownChromaticNumber().orElse(0), request.threads(), request.threads()));
        outcomes.add(new Outcome("native dsatur+tabucol", r.colours(), "colours",
                GraphColoring.conflicts(graph, r.colour()) == 0, ratio(r.colours(), chi), r.nanos(), r.nanosToBest(),
                "DSATUR " + r.initialColours() + " colours, " + r.iterations() + " tabu steps"));
        return new Report(ProblemKind.COLORING, graph.name(), graph.vertexCount() + " vertices, " + graph.edgeCount()
                + " edges", solver.name(), request.seed(), "chromatic number", chi, outcomes);
    }

    private static Report tsp(Request request, QuboSolver solver) throws IOException {
        TspInstance instance = TsplibReader.read(request.instance());
        OptionalDouble optimum = ReferenceValues.lookup(request.instance(), instance.name(), "optimal.csv",
                "optimal_length");
        int n = instance.size();
        List<Outcome> outcomes = new ArrayList<>();
        int[] start = null;
        long spent = 0;
        if (n <= request.quboMaxCities()) {
            QuboModel model = TspQubo.toQubo(instance);
            Solution s = solver.solve(model, options(request, request.timeLimit().dividedBy(2)));
            boolean feasible = TspQubo.isFeasible(s.assignment(), n);
            int[] tour = TspQubo.decode(instance, s.assignment());
            long length = instance.tourLength(tour);
            outcomes.add(new Outcome("qubo/" + solver.name(), length, "tour length", feasible,
                    ratio(length, optimum), s.nanos(), s.nanosToBest(),
                    (feasible ? "permutation as annealed" : "not a permutation: repaired") + "; " + sweepNote(s)));
            long t0 = System.nanoTime();
            TwoOptOrOpt polish = new TwoOptOrOpt(instance, 10);
            polish.load(tour);
            polish.optimise();
            long t = System.nanoTime() - t0;
            outcomes.add(new Outcome("qubo/" + solver.name() + " + 2-opt/Or-opt", polish.length(), "tour length",
                    true, ratio(polish.length(), optimum), t, t, "local optimum from the decoded tour"));
            start = polish.tour();
            spent = s.nanos() + t;
        } else {
            outcomes.add(new Outcome("qubo/" + solver.name(), Double.NaN, "tour length", false, Double.NaN, 0, 0,
                    "skipped: " + n + " cities need " + (long) n * n + " variables and ~" + (long) n * n * n
                            + " couplings (limit " + request.quboMaxCities() + " cities)"));
        }
        Duration rest = request.timeLimit().minusNanos(spent);
        if (rest.isNegative() || rest.isZero()) {
            rest = Duration.ofMillis(1);
        }
        long target = optimum.isPresent() ? (long) optimum.getAsDouble() : 0;
        IteratedLocalSearch.Result r = IteratedLocalSearch.solve(instance, start,
                new IteratedLocalSearch.Options(request.seed(), rest, 0, target, request.threads(),
                        request.threads()));
        outcomes.add(new Outcome(start == null ? "native ILS" : "native ILS from the QUBO tour", r.length(),
                "tour length", true, ratio(r.length(), optimum), r.nanos(), r.nanosToBest(), r.iterations()
                        + " kicks" + (r.length() <= target ? ", stopped at the known optimum" : "")));
        return new Report(ProblemKind.TSP, instance.name(), n + " cities", solver.name(), request.seed(),
                "optimal tour length", optimum, outcomes);
    }
}
