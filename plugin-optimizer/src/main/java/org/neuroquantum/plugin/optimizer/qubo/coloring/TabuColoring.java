package org.neuroquantum.plugin.optimizer.qubo.coloring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neuroquantum.plugin.optimizer.qubo.FastRandom;
import org.neuroquantum.plugin.optimizer.qubo.problem.Graph;
import org.neuroquantum.plugin.optimizer.qubo.problem.GraphColoring;

/**
 * Minimises the number of colours: start from DSATUR, then repeatedly drop the highest colour (its vertices
 * take the least-conflicting remaining colour) and repair with TabuCol, which minimises the number of
 * conflicting edges by moving one conflicting vertex to another colour per step, choosing the best non-tabu
 * move (ties at random, aspiration when a move beats the best count so far). After a vertex leaves colour c,
 * returning to c stays tabu for {@code random(0..9) + 0.6·|conflicting vertices|} steps (Galinier and Hao 1999).
 *
 * <p>Independent searches run on the available cores; the fewest colours win, ties going to the lower search
 * index. A search stops at the target colour count (e.g. a known χ), when the time limit passes, or when one
 * k took {@code iterationsPerColour} steps without success.
 */
public final class TabuColoring {
    /**
     * Search limits.
     *
     * @param seed master seed
     * @param timeLimit wall-clock limit
     * @param iterationsPerColour TabuCol steps allowed for one colour count before giving up (0 for no cap)
     * @param targetColours stop when this many colours suffice (0 for none)
     * @param searches independent searches
     * @param threads worker threads
     */
    public record Options(long seed, Duration timeLimit, long iterationsPerColour, int targetColours, int searches,
            int threads) {
        /** Validates. */
        public Options {
            if (timeLimit == null && iterationsPerColour == 0) {
                throw new IllegalArgumentException("give a time limit or an iteration cap");
            }
            if (searches < 1 || threads < 1) {
                throw new IllegalArgumentException("searches and threads must be >= 1");
            }
        }
    }

    /**
     * The best colouring found.
     *
     * @param colour colour per vertex, proper
     * @param colours number of colours used
     * @param initialColours DSATUR's count
     * @param iterations TabuCol steps over all searches
     * @param nanos wall-clock time
     * @param nanosToBest time until {@code colours} was first reached
     */
    public record Result(int[] colour, int colours, int initialColours, long iterations, long nanos,
            long nanosToBest) {
    }

    private TabuColoring() {
    }

    /** Colours {@code graph} with as few colours as the limits allow. */
    public static Result solve(Graph graph, Options options) {
        long start = System.nanoTime();
        long deadline = options.timeLimit() == null ? Long.MAX_VALUE : start + options.timeLimit().toNanos();
        int[] dsatur = Dsatur.colour(graph);
        int initial = GraphColoring.coloursUsed(dsatur);
        AtomicBoolean stop = new AtomicBoolean();
        int threads = Math.min(options.threads(), options.searches());
        List<Result> results = new ArrayList<>();
        if (threads == 1) {
            for (int s = 0; s < options.searches(); s++) {
                results.add(search(graph, dsatur, initial, FastRandom.mix(options.seed() + s), options, start,
                        deadline, stop));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "tabucol");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Result>> futures = new ArrayList<>();
                for (int s = 0; s < options.searches(); s++) {
                    long seed = FastRandom.mix(options.seed() + s);
                    futures.add(pool.submit(() -> search(graph, dsatur, initial, seed, options, start, deadline,
                            stop)));
                }
                for (Future<Result> f : futures) {
                    results.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("colouring search failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        Result best = results.get(0);
        long iterations = 0;
        for (Result r : results) {
            iterations += r.iterations();
            if (r.colours() < best.colours()) {
                best = r;
            }
        }
        return new Result(best.colour(), best.colours(), initial, iterations, System.nanoTime() - start,
                best.nanosToBest());
    }

    private static Result search(Graph graph, int[] dsatur, int initial, long seed, Options options, long start,
            long deadline, AtomicBoolean stop) {
        FastRandom rng = new FastRandom(seed);
        int[] best = dsatur.clone();
        int bestK = initial;
        long toBest = System.nanoTime() - start;
        long iterations = 0;
        while (bestK > Math.max(1, options.targetColours()) && !stop.get() && System.nanoTime() < deadline) {
            int k = bestK - 1;
            int[] colour = dropHighestColour(graph, best, k);
            Tabu tabu = new Tabu(graph, k, colour, rng);
            long cap = options.iterationsPerColour() == 0 ? Long.MAX_VALUE : options.iterationsPerColour();
            boolean solved = tabu.run(cap, deadline, stop);
            iterations += tabu.iterations;
            if (!solved) {
                break;
            }
            best = tabu.colour;
            bestK = k;
            toBest = System.nanoTime() - start;
        }
        if (bestK <= options.targetColours()) {
            stop.set(true);
        }
        return new Result(best, bestK, initial, iterations, System.nanoTime() - start, toBest);
    }

    private static int[] dropHighestColour(Graph graph, int[] colouring, int k) {
        int n = graph.vertexCount();
        int[] colour = colouring.clone();
        int[] start = graph.adjacencyStart();
        int[] adj = graph.adjacency();
        int[] clash = new int[k];
        for (int v = 0; v < n; v++) {
            if (colour[v] >= k) {
                java.util.Arrays.fill(clash, 0);
                for (int p = start[v]; p < start[v + 1]; p++) {
                    int c = colour[adj[p]];
                    if (c < k) {
                        clash[c]++;
                    }
                }
                int bestColour = 0;
                for (int c = 1; c < k; c++) {
                    if (clash[c] < clash[bestColour]) {
                        bestColour = c;
                    }
                }
                colour[v] = bestColour;
            }
        }
        return colour;
    }

    /** TabuCol on a fixed k. */
    static final class Tabu {
        private final int n;
        private final int k;
        private final int[] start;
        private final int[] adj;
        final int[] colour;
        private final int[] gamma;
        private final long[] tabuUntil;
        private final int[] conflicting;
        private final int[] slot;
        private int conflictingCount;
        private int conflicts;
        private final FastRandom rng;
        long iterations;

        Tabu(Graph graph, int k, int[] colour, FastRandom rng) {
            this.n = graph.vertexCount();
            this.k = k;
            this.start = graph.adjacencyStart();
            this.adj = graph.adjacency();
            this.colour = colour;
            this.rng = rng;
            this.gamma = new int[n * k];
            this.tabuUntil = new long[n * k];
            this.conflicting = new int[n];
            this.slot = new int[n];
            java.util.Arrays.fill(slot, -1);
            for (int v = 0; v < n; v++) {
                for (int p = start[v]; p < start[v + 1]; p++) {
                    gamma[v * k + colour[adj[p]]]++;
                }
            }
            for (int v = 0; v < n; v++) {
                conflicts += gamma[v * k + colour[v]];
                refresh(v);
            }
            conflicts /= 2;
        }

        private void refresh(int v) {
            boolean in = gamma[v * k + colour[v]] > 0;
            if (in && slot[v] < 0) {
                slot[v] = conflictingCount;
                conflicting[conflictingCount++] = v;
            } else if (!in && slot[v] >= 0) {
                int last = conflicting[--conflictingCount];
                conflicting[slot[v]] = last;
                slot[last] = slot[v];
                slot[v] = -1;
            }
        }

        /** Runs until no conflicts remain (true), or the cap, deadline or stop flag (false). */
        boolean run(long cap, long deadline, AtomicBoolean stop) {
            int bestConflicts = conflicts;
            long steps = 0;
            while (conflicts > 0) {
                if (steps >= cap || ((steps & 1023) == 0 && (System.nanoTime() >= deadline || stop.get()))) {
                    iterations += steps;
                    return false;
                }
                steps++;
                long now = iterations + steps;
                int bestDelta = Integer.MAX_VALUE;
                int moveVertex = -1;
                int moveColour = -1;
                int ties = 0;
                for (int t = 0; t < conflictingCount; t++) {
                    int v = conflicting[t];
                    int base = v * k;
                    int own = gamma[base + colour[v]];
                    for (int c = 0; c < k; c++) {
                        if (c == colour[v]) {
                            continue;
                        }
                        int delta = gamma[base + c] - own;
                        if (delta > bestDelta) {
                            continue;
                        }
                        if (tabuUntil[base + c] > now && conflicts + delta >= bestConflicts) {
                            continue;
                        }
                        if (delta < bestDelta) {
                            bestDelta = delta;
                            moveVertex = v;
                            moveColour = c;
                            ties = 1;
                        } else if (rng.nextInt(++ties) == 0) {
                            moveVertex = v;
                            moveColour = c;
                        }
                    }
                }
                if (moveVertex < 0) {
                    continue; // every move tabu: let the tenures run out
                }
                int v = moveVertex;
                int old = colour[v];
                colour[v] = moveColour;
                conflicts += bestDelta;
                tabuUntil[v * k + old] = now + rng.nextInt(10) + (long) (0.6 * conflictingCount);
                for (int p = start[v]; p < start[v + 1]; p++) {
                    int u = adj[p];
                    gamma[u * k + old]--;
                    gamma[u * k + moveColour]++;
                    refresh(u);
                }
                refresh(v);
                if (conflicts < bestConflicts) {
                    bestConflicts = conflicts;
                }
            }
            iterations += steps;
            return true;
        }
    }
}
