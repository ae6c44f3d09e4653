package org.neuroquantum.plugin.optimizer.join;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.neuroquantum.plugin.optimizer.qubo.QuboModel;
import org.neuroquantum.plugin.optimizer.qubo.solver.SimulatedAnnealing;
import org.neuroquantum.plugin.optimizer.qubo.solver.Solution;
import org.neuroquantum.plugin.optimizer.qubo.solver.SolverOptions;
import org.neuroquantum.spi.optimizer.JoinPlan;

/**
 * The {@code annealing} optimizer: join ordering as an annealing problem, per connected component.
 *
 * <ol>
 *   <li>A greedy operator ordering plan ({@link GreedyOperatorOrdering}) is the first incumbent, so even a
 *       deadline that has already passed yields a valid plan.</li>
 *   <li>QUBO path (components of 2 to {@value #QUBO_MAX_RELATIONS} relations, when {@code quboSweeps > 0}):
 *       the left-deep QUBO of {@link LeftDeepQubo} is minimised by the QUBO framework's {@code sa} solver, the
 *       assignment decoded and repaired into a left-deep plan and priced exactly.</li>
 *   <li>Permutation path: simulated-annealing runs ({@link PermutationAnnealer}) on the two encodings of
 *       {@link LocalComponent}, priced exactly by the cost model: {@code restarts} runs on edge orders (bushy
 *       plans; the first run starts from the greedy plan, the others from random orders), then one run on
 *       relation orders (left-deep plans, starting from the QUBO's decoded order, or a random one without the
 *       QUBO path). Bushy plans include the left-deep ones, so the left-deep run mainly polishes the QUBO's
 *       answer. Each run makes {@code effort · k²} moves.</li>
 * </ol>
 * The answer is the cheapest valid plan found by any path. Every run has its own random stream derived from
 * the configured seed, so the result is a function of the graph, the cost model and the configuration unless
 * the deadline cuts the search short. Single-threaded: the kernel plans concurrent queries in parallel.
 *
 * <p>Report: {@code greedy.cost}, {@code qubo.feasible} and {@code qubo.cost} (the QUBO path's own answer,
 * before any permutation annealing), {@code moves}, and {@code found-by} ({@code greedy}, {@code qubo},
 * {@code bushy-sa} or {@code left-deep-sa}).
 */
public final class AnnealingOptimizer extends ComponentwiseOptimizer {
    /** Largest component the QUBO path encodes (k² variables, 900 at 30 relations). */
    public static final int QUBO_MAX_RELATIONS = 30;
    private static final long MIN_MOVES = 200;

    private final long seed;
    private final int restarts;
    private final int effort;
    private final long quboSweeps;

    /**
     * @param seed the master seed
     * @param restarts annealing runs per encoding, at least 1
     * @param effort moves per run per squared relation count, at least 1
     * @param quboSweeps sweeps of the QUBO solver; 0 skips the QUBO path
     */
    public AnnealingOptimizer(long seed, int restarts, int effort, long quboSweeps) {
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be at least 1, was " + restarts);
        }
        if (effort < 1) {
            throw new IllegalArgumentException("effort must be at least 1, was " + effort);
        }
        if (quboSweeps < 0) {
            throw new IllegalArgumentException("QUBO sweeps must be at least 0, was " + quboSweeps);
        }
        this.seed = seed;
        this.restarts = restarts;
        this.effort = effort;
        this.quboSweeps = quboSweeps;
    }

    @Override
    protected String name() {
        return "annealing";
    }

    @Override
    protected JoinPlan planComponent(PlanningProblem problem, long component, Deadline deadline,
            SearchReport report) {
        LocalComponent local = new LocalComponent(problem, component);
        int k = local.k;
        SplittableRandom streams = new SplittableRandom(seed ^ component * 0x9E3779B97F4A7C15L);

        JoinPlan greedy = GreedyOperatorOrdering.plan(problem, component);
        report.note("greedy.cost", Double.toString(greedy.cost()));
        Incumbent best = new Incumbent(greedy, "greedy");

        int[] quboOrder = null;
        SplittableRandom quboRandom = streams.split();
        if (quboSweeps > 0 && k <= QUBO_MAX_RELATIONS && !deadline.passed()) {
            LeftDeepQubo qubo = new LeftDeepQubo(local);
            QuboModel model = qubo.model();
            long remaining = deadline.nanos() - System.nanoTime();
            SolverOptions options = new SolverOptions(quboRandom.nextLong(), quboSweeps,
                    Duration.ofNanos(Math.max(1, remaining)), 1, 1, Double.NEGATIVE_INFINITY);
            Solution solution = new SimulatedAnnealing().solve(model, options);
            int[] decoded = qubo.decode(solution.assignment());
            double cost = local.leftDeepCost(decoded);
            report.note("qubo.feasible", Boolean.toString(qubo.feasible(solution.assignment())));
            report.note("qubo.cost", Double.toString(cost));
            best.offer(cost, () -> local.leftDeepPlan(decoded), "qubo");
            quboOrder = decoded;
        }

        long moves = Math.max(MIN_MOVES, (long) effort * k * k);
        long done = 0;
        for (int run = 0; run < restarts && !deadline.passed(); run++) {
            SplittableRandom random = streams.split();
            int[] edgeStart = run == 0 ? local.edgeOrderOf(greedy, random)
                    : LocalComponent.randomPermutation(local.edges.length, random);
            PermutationAnnealer.Result bushy = PermutationAnnealer.anneal(edgeStart, local::bushyCost, moves,
                    random, deadline);
            done += bushy.moves();
            best.offer(bushy.bestCost(), () -> local.bushyPlan(bushy.best()), "bushy-sa");
        }
        if (!deadline.passed()) {
            SplittableRandom random = streams.split();
            int[] orderStart = quboOrder != null ? quboOrder : LocalComponent.randomPermutation(k, random);
            PermutationAnnealer.Result leftDeep = PermutationAnnealer.anneal(orderStart, local::leftDeepCost,
                    moves, random, deadline);
            done += leftDeep.moves();
            best.offer(leftDeep.bestCost(), () -> local.leftDeepPlan(leftDeep.best()), "left-deep-sa");
        }
        report.add("moves", done);
        report.note("found-by", best.source);
        return best.plan;
    }

    /** The cheapest plan so far; a candidate's plan is built only when it wins. */
    private static final class Incumbent {
        private JoinPlan plan;
        private String source;

        Incumbent(JoinPlan plan, String source) {
            this.plan = plan;
            this.source = source;
        }

        void offer(double cost, Supplier<JoinPlan> build, String from) {
            // Compare on the internal price first (cheap), then on the SPI-built plan's own cost, so that the
            // returned plan's cost is never worse than the incumbent's because of rounding.
            if (cost < plan.cost()) {
                JoinPlan candidate = build.get();
                if (candidate.cost() < plan.cost()) {
                    plan = candidate;
                    source = from;
                }
            }
        }
    }
}
