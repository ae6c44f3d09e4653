package org.neuroquantum.plugin.optimizer.qubo.tsp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neuroquantum.plugin.optimizer.qubo.FastRandom;
import org.neuroquantum.plugin.optimizer.qubo.problem.TspInstance;

/**
 * Iterated local search for the symmetric TSP: from a greedy nearest-neighbour tour (or a given one), repeat
 * "kick, then 2-opt + Or-opt from the kicked cities" and keep the new tour when it is no longer than the
 * current one. The kick is a segment double bridge whose two swapped segments are short (up to
 * {@code window} cities each) and adjacent, so the local search repairs it in time proportional to the damage
 * rather than to n; this is what makes hundreds of thousands of kicks per second possible on TSPLIB-sized
 * instances.
 *
 * <p>Independent searches ({@code searches}, different seeds) run on the available cores; the shortest tour
 * wins, ties going to the lower search index. With an iteration budget and no target the result is a pure
 * function of the seed; with a time limit or a target it depends on timing.
 */
public final class IteratedLocalSearch {
    private static final int CANDIDATES = 10;
    private static final int WINDOW = 30;

    /**
     * Search limits.
     *
     * @param seed master seed; search {@code s} uses {@code FastRandom.mix(seed + s)}
     * @param timeLimit wall-clock limit (null for none)
     * @param iterations kicks per search (0 for no limit; then a time limit is required)
     * @param target stop every search once a tour of this length or shorter is found (0 for none)
     * @param searches independent searches
     * @param threads worker threads
     */
    public record Options(long seed, Duration timeLimit, long iterations, long target, int searches, int threads) {
        /** Validates the combination. */
        public Options {
            if (iterations < 0) {
                throw new IllegalArgumentException("iterations must be >= 0");
            }
            if (iterations == 0 && timeLimit == null) {
                throw new IllegalArgumentException("give an iteration budget or a time limit");
            }
            if (searches < 1 || threads < 1) {
                throw new IllegalArgumentException("searches and threads must be >= 1");
            }
        }
    }

    /**
     * The best tour found.
     *
     * @param tour the cities in visiting order
     * @param length its length
     * @param iterations kicks performed over all searches
     * @param nanos wall-clock time of the whole search
     * @param nanosToBest time until the returned length was first reached
     */
    public record Result(int[] tour, long length, long iterations, long nanos, long nanosToBest) {
    }

    private IteratedLocalSearch() {
    }

    /** Solves from nearest-neighbour starts. */
    public static Result solve(TspInstance instance, Options options) {
        return solve(instance, null, options);
    }

    /** Solves starting every search from {@code initial} (a permutation), or from nearest-neighbour tours if null. */
    public static Result solve(TspInstance instance, int[] initial, Options options) {
        if (initial != null && !instance.isPermutation(initial)) {
            throw new IllegalArgumentException("the initial tour is not a permutation of the cities");
        }
        long start = System.nanoTime();
        long deadline = options.timeLimit() == null ? Long.MAX_VALUE : start + options.timeLimit().toNanos();
        AtomicBoolean stop = new AtomicBoolean();
        int threads = Math.min(options.threads(), options.searches());
        List<Result> results = new ArrayList<>();
        if (threads == 1) {
            for (int s = 0; s < options.searches(); s++) {
                results.add(search(instance, initial, FastRandom.mix(options.seed() + s), options, start, deadline,
                        stop));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "tsp-ils");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Result>> futures = new ArrayList<>();
                for (int s = 0; s < options.searches(); s++) {
                    long seed = FastRandom.mix(options.seed() + s);
                    futures.add(pool.submit(() -> search(instance, initial, seed, options, start, deadline, stop)));
                }
                for (Future<Result> f : futures) {
                    results.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("TSP search failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        Result best = results.get(0);
        long iterations = 0;
        for (Result r : results) {
            iterations += r.iterations();
            if (r.length() < best.length()) {
                best = r;
            }
        }
        return new Result(best.tour(), best.length(), iterations, System.nanoTime() - start, best.nanosToBest());
    }

    private static Result search(TspInstance instance, int[] initial, long seed, Options options, long start,
            long deadline, AtomicBoolean stop) {
        int n = instance.size();
        FastRandom rng = new FastRandom(seed);
        TwoOptOrOpt current = new TwoOptOrOpt(instance, CANDIDATES);
        current.load(initial != null ? initial : nearestNeighbourTour(instance, rng.nextInt(n)));
        current.optimise();
        TwoOptOrOpt work = new TwoOptOrOpt(instance, CANDIDATES);
        work.copyFrom(current);
        int[] best = current.tour();
        long bestLength = current.length();
        long toBest = System.nanoTime() - start;
        long iterations = 0;
        int window = Math.max(1, Math.min(WINDOW, (n - 2) / 3));
        while ((options.iterations() == 0 || iterations < options.iterations()) && bestLength > options.target()) {
            if ((iterations & 63) == 0 && (System.nanoTime() >= deadline || stop.get())) {
                break;
            }
            iterations++;
            int lenB = 1 + rng.nextInt(window);
            int lenC = 1 + rng.nextInt(window);
            if (lenB + lenC + 2 > n) {
                continue;
            }
            work.doubleBridge(rng.nextInt(n), lenB, lenC);
            work.optimise();
            if (work.length() <= current.length()) {
                current.copyFrom(work);
                if (current.length() < bestLength) {
                    bestLength = current.length();
                    best = current.tour();
                    toBest = System.nanoTime() - start;
                }
            } else {
                work.copyFrom(current);
            }
        }
        if (bestLength <= options.target()) {
            stop.set(true);
        }
        return new Result(best, bestLength, iterations, System.nanoTime() - start, toBest);
    }

    /** The greedy tour that always moves to the nearest unvisited city. */
    public static int[] nearestNeighbourTour(TspInstance instance, int startCity) {
        int n = instance.size();
        int[] d = instance.matrix();
        boolean[] used = new boolean[n];
        int[] tour = new int[n];
        tour[0] = startCity;
        used[startCity] = true;
        for (int p = 1; p < n; p++) {
            int from = tour[p - 1];
            int bestCity = -1;
            int bestDistance = Integer.MAX_VALUE;
            for (int c = 0; c < n; c++) {
                if (!used[c] && d[from * n + c] < bestDistance) {
                    bestDistance = d[from * n + c];
                    bestCity = c;
                }
            }
            tour[p] = bestCity;
            used[bestCity] = true;
        }
        return tour;
    }
}
