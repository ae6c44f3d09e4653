package org.neuroquantum.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuroquantum.plugin.optimizer.join.AnnealingOptimizer;
import org.neuroquantum.plugin.optimizer.join.AnnealingOptimizerFactory;
import org.neuroquantum.plugin.optimizer.join.DpOptimizer;
import org.neuroquantum.plugin.optimizer.join.workload.QueryGraphGenerator;
import org.neuroquantum.plugin.optimizer.join.workload.QueryGraphGenerator.Selectivities;
import org.neuroquantum.plugin.optimizer.join.workload.QueryGraphGenerator.Shape;
import org.neuroquantum.spi.optimizer.CostModel;
import org.neuroquantum.spi.optimizer.JoinGraph;
import org.neuroquantum.spi.optimizer.QueryOptimizer;

/**
 * Join-order benchmark: generated chain, star, cycle, clique and random query graphs (fixed seeds), planned
 * under C_out by {@code annealing} (default configuration), by greedy operator ordering and by DPccp as the
 * reference optimum; ratios compare C_out proper (the sum of all join results, scans excluded), printing a Markdown table per shape and size and a summary against the targets.
 *
 * <pre>
 * mvn -B -q -DskipTests package -pl benchmarks -am
 * java -cp benchmarks/target/benchmarks.jar org.neuroquantum.bench.JoinOrderBenchmark \
 *     [--queries 20] [--sizes 4,6,...,30] [--shapes chain,star,...] [--selectivities key|independent]
 *     [--reference-limit 20] [--clique-reference-limit 18]
 * </pre>
 *
 * DPccp gives the optimum up to {@code --reference-limit} relations ({@code --clique-reference-limit} for
 * cliques, whose DPccp work grows as 3^n); above that only greedy operator ordering is compared. Planning
 * times are per query after a warm-up pass, single-threaded: wall clock, and the planning thread's CPU time,
 * which other processes on a shared machine disturb less.
 */
public final class JoinOrderBenchmark {
    private static final double SAME = 1e-9;

    private JoinOrderBenchmark() {
    }

    /** One shape and size: per-query costs and times. */
    private record Row(Shape shape, int size, double[] annealingRatio, double[] gooRatio, double[] annealingVsGoo,
            double[] annealingMillis, double[] annealingCpuMillis, double[] dpMillis, boolean hasOptimum) {
    }

    public static void main(String[] args) {
        Map<String, String> options = parse(args);
        int queries = Integer.parseInt(options.getOrDefault("queries", "20"));
        int[] sizes = Arrays.stream(options.getOrDefault("sizes", "4,6,8,10,12,15,16,18,20,25,30").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        List<Shape> shapes = Arrays.stream(options.getOrDefault("shapes", "chain,star,cycle,clique,random").split(","))
                .map(Shape::parse).toList();
        int referenceLimit = Integer.parseInt(options.getOrDefault("reference-limit", "20"));
        int cliqueReferenceLimit = Integer.parseInt(options.getOrDefault("clique-reference-limit", "18"));
        Selectivities selectivities = Selectivities.parse(options.getOrDefault("selectivities", "key"));
        System.out.println("selectivities: " + selectivities + ", annealing: seed "
                + AnnealingOptimizerFactory.DEFAULT_SEED + ", restarts " + AnnealingOptimizerFactory.DEFAULT_RESTARTS
                + ", effort " + AnnealingOptimizerFactory.DEFAULT_EFFORT + ", qubo-sweeps "
                + AnnealingOptimizerFactory.DEFAULT_QUBO_SWEEPS);

        QueryOptimizer annealing = new AnnealingOptimizer(AnnealingOptimizerFactory.DEFAULT_SEED,
                AnnealingOptimizerFactory.DEFAULT_RESTARTS, AnnealingOptimizerFactory.DEFAULT_EFFORT,
                AnnealingOptimizerFactory.DEFAULT_QUBO_SWEEPS);
        QueryOptimizer greedy = new DpOptimizer(1);
        QueryOptimizer reference = new DpOptimizer(Math.max(referenceLimit, cliqueReferenceLimit));
        CostModel cOut = CostModel.cOut();

        // Warm-up: let the JIT compile the planners before anything is timed.
        for (Shape shape : shapes) {
            for (int n : new int[] {6, 10, 14}) {
                for (int q = 0; q < 5; q++) {
                    JoinGraph g = QueryGraphGenerator.generate(shape, n, selectivities, 999_000 + q);
                    annealing.optimize(g, cOut, far());
                    reference.optimize(g, cOut, far());
                }
            }
        }

        List<Row> rows = new ArrayList<>();
        System.out.println("| shape | n | queries | annealing at DP optimum | annealing/DP median | annealing/DP worst"
                + " | GOO/DP median | annealing/GOO median | annealing ms median | annealing ms max"
                + " | annealing CPU ms max | DP ms median |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Shape shape : shapes) {
            for (int n : sizes) {
                boolean exact = n <= (shape == Shape.CLIQUE ? cliqueReferenceLimit : referenceLimit);
                double[] ratio = new double[queries];
                double[] gooRatio = new double[queries];
                double[] vsGoo = new double[queries];
                double[] millis = new double[queries];
                double[] cpuMillis = new double[queries];
                double[] dpMillis = new double[queries];
                for (int q = 0; q < queries; q++) {
                    JoinGraph g = QueryGraphGenerator.generate(shape, n, selectivities, 1_000L * n + q);
                    // C_out proper: the sum of the join results. The SPI plan cost also counts the scans, the
                    // same for every plan (one access path per relation), so they are taken out of the ratios.
                    double scans = g.relations().stream().mapToDouble(r -> r.accessPaths().get(0).cost()).sum();
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    double a = annealing.optimize(g, cOut, far()).plan().cost() - scans;
                    long t1 = System.nanoTime();
                    cpuMillis[q] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
                    double goo = greedy.optimize(g, cOut, far()).plan().cost() - scans;
                    millis[q] = (t1 - t0) / 1e6;
                    vsGoo[q] = a / goo;
                    if (exact) {
                        long t2 = System.nanoTime();
                        double opt = reference.optimize(g, cOut, far()).plan().cost() - scans;
                        dpMillis[q] = (System.nanoTime() - t2) / 1e6;
                        ratio[q] = a / opt;
                        gooRatio[q] = goo / opt;
                    }
                }
                Row row = new Row(shape, n, ratio, gooRatio, vsGoo, millis, cpuMillis, dpMillis, exact);
                rows.add(row);
                System.out.println(format(row));
            }
        }
        System.out.println();
        summary(rows, "n <= 10", r -> r.size() <= 10 && r.hasOptimum());
        summary(rows, "15 <= n <= 20", r -> r.size() >= 15 && r.size() <= 20 && r.hasOptimum());
        summary(rows, "20 <= n <= 30", r -> r.size() >= 20 && r.size() <= 30);
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static long far() {
        return System.nanoTime() + Long.MAX_VALUE;
    }

    private static String format(Row r) {
        String atOptimum = r.hasOptimum() ? String.format(Locale.ROOT, "%.0f%%", 100.0 * count(r.annealingRatio())
                / r.annealingRatio().length) : "n/a";
        return String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %.4f | %.1f | %.1f | %.1f | %s |",
                r.shape().name().toLowerCase(Locale.ROOT), r.size(), r.annealingRatio().length, atOptimum,
                r.hasOptimum() ? String.format(Locale.ROOT, "%.4f", median(r.annealingRatio())) : "n/a",
                r.hasOptimum() ? String.format(Locale.ROOT, "%.4f", max(r.annealingRatio())) : "n/a",
                r.hasOptimum() ? String.format(Locale.ROOT, "%.4f", median(r.gooRatio())) : "n/a",
                median(r.annealingVsGoo()), median(r.annealingMillis()), max(r.annealingMillis()),
                max(r.annealingCpuMillis()),
                r.hasOptimum() ? String.format(Locale.ROOT, "%.1f", median(r.dpMillis())) : "n/a");
    }

    private static void summary(List<Row> rows, String label, java.util.function.Predicate<Row> which) {
        List<Double> ratios = new ArrayList<>();
        List<Double> gooRatios = new ArrayList<>();
        List<Double> vsGoo = new ArrayList<>();
        List<Double> millis = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        boolean withOptimum = true;
        for (Row r : rows) {
            if (which.test(r)) {
                withOptimum &= r.hasOptimum();
                for (int i = 0; i < r.annealingRatio().length; i++) {
                    ratios.add(r.annealingRatio()[i]);
                    gooRatios.add(r.gooRatio()[i]);
                    vsGoo.add(r.annealingVsGoo()[i]);
                    millis.add(r.annealingMillis()[i]);
                    cpu.add(r.annealingCpuMillis()[i]);
                }
            }
        }
        if (ratios.isEmpty()) {
            return;
        }
        double[] a = ratios.stream().mapToDouble(Double::doubleValue).toArray();
        double[] gr = gooRatios.stream().mapToDouble(Double::doubleValue).toArray();
        double[] g = vsGoo.stream().mapToDouble(Double::doubleValue).toArray();
        double[] m = millis.stream().mapToDouble(Double::doubleValue).toArray();
        double[] c = cpu.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf(Locale.ROOT, "summary %s: %d queries; %s annealing/GOO median %.5f, mean %.4f, %.1f%% below GOO;"
                        + " planning ms median %.1f, max %.1f (thread CPU ms median %.1f, max %.1f)%n", label, a.length,
                withOptimum ? String.format(Locale.ROOT, "at DP optimum %.1f%%, annealing/DP median %.5f worst %.4f;"
                        + " GOO at DP optimum %.1f%%, GOO/DP median %.4f, mean %.4f;",
                        100.0 * count(a) / a.length, median(a), max(a), 100.0 * count(gr) / gr.length, median(gr),
                        Arrays.stream(gr).average().orElse(Double.NaN)) : "",
                median(g), Arrays.stream(g).average().orElse(Double.NaN), 100.0 * Arrays.stream(g).filter(x -> x < 1 - SAME).count() / g.length, median(m), max(m),
                median(c), max(c));
    }

    private static long count(double[] ratios) {
        return Arrays.stream(ratios).filter(x -> x <= 1 + SAME).count();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args)
                        + "; names: queries, sizes, shapes, selectivities, reference-limit, clique-reference-limit");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
