package org.neuroquantum.bench;

import com.codahale.metrics.MetricRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.neuroquantum.engine.Kernel;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.engine.metrics.DropwizardMetrics;
import org.neuroquantum.engine.storage.buffer.BufferPool;
import org.neuroquantum.engine.storage.buffer.PageLayout;
import org.neuroquantum.engine.storage.buffer.PageRef;
import org.neuroquantum.engine.storage.buffer.WalBarrier;
import org.neuroquantum.engine.storage.page.ChannelPageFile;
import org.neuroquantum.engine.storage.page.FilePageStore;

/**
 * The buffer-pool workload of {@link BufferPoolBenchmark} (2 threads, Zipf s = 0.99 over data 4× the pool),
 * with several policies in one JVM taking turns in short slices, so that a machine whose load changes from
 * second to second (other builds running) slows every policy alike. JMH runs one policy after another, which
 * on a loaded machine measures the load more than the policy; this runner measures the ratio between policies.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.neuroquantum.bench.EvictionThroughputDuel
 * [policies, default clock,adaptive,lru] [rounds, default 40] [slice ms, default 250]}.
 */
public final class EvictionThroughputDuel {
    private static final int FRAMES = 1024;
    private static final int PAGES = 4 * FRAMES;
    private static final int TRACE = 1 << 20;
    private static final int THREADS = 2;

    private EvictionThroughputDuel() {
    }

    private static final class Contender {
        final String policy;
        final BufferPool pool;
        final MetricRegistry registry = new MetricRegistry();
        final int[] cursors = new int[THREADS];
        long ops;
        long nanos;

        Contender(String policy, FilePageStore store) {
            this.policy = policy;
            Kernel kernel = Kernel.start(Kernel.Options.embedded(RawConfig.empty().set("eviction.policy", policy,
                    "bench")));
            pool = new BufferPool(store, kernel.newEvictionPolicy(FRAMES), FRAMES, WalBarrier.NONE,
                    new DropwizardMetrics(registry));
            for (int t = 0; t < THREADS; t++) {
                cursors[t] = t * (TRACE / THREADS);
            }
        }

        double hitRatio() {
            long hits = registry.counter("hits").getCount();
            return hits / (double) Math.max(1, hits + registry.counter("misses").getCount());
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> policies = List.of((args.length > 0 ? args[0] : "clock,adaptive,lru").split(","));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        long sliceNanos = (args.length > 2 ? Long.parseLong(args[2]) : 250) * 1_000_000L;
        Path directory = Files.createTempDirectory("nq-duel");
        try (FilePageStore store = FilePageStore.open(new ChannelPageFile(directory.resolve("data.nq"), true),
                "data.nq", 4096, false)) {
            ByteBuffer page = ByteBuffer.allocate(4096);
            for (int i = 0; i < PAGES; i++) {
                page.clear();
                page.putLong(PageLayout.HEADER_BYTES, i).clear();
                store.write(store.allocate(), page);
            }
            long[] trace = BufferPoolBenchmark.zipf(PAGES, 0.99, TRACE, new Random(20261125));
            List<Contender> contenders = new ArrayList<>();
            for (String policy : policies) {
                contenders.add(new Contender(policy, store));
            }
            for (Contender c : contenders) { // warm-up: JIT and a full pool, not counted
                slice(c, trace, 2_000_000_000L);
                c.ops = 0;
                c.nanos = 0;
            }
            for (int round = 0; round < rounds; round++) {
                // Rotate the order so no policy always follows the same one.
                for (int k = 0; k < contenders.size(); k++) {
                    slice(contenders.get((round + k) % contenders.size()), trace, sliceNanos);
                }
            }
            double base = contenders.get(0).ops / (contenders.get(0).nanos / 1e9);
            System.out.printf(Locale.ROOT, "%-10s %12s %8s %9s%n", "policy", "ops/s", "ratio", "hit ratio");
            for (Contender c : contenders) {
                double rate = c.ops / (c.nanos / 1e9);
                System.out.printf(Locale.ROOT, "%-10s %12.0f %8.3f %9.4f%n", c.policy, rate, rate / base,
                        c.hitRatio());
                c.pool.close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void slice(Contender c, long[] trace, long nanos) throws InterruptedException {
        long[] done = new long[THREADS];
        Thread[] threads = new Thread[THREADS];
        long start = System.nanoTime();
        long deadline = start + nanos;
        for (int t = 0; t < THREADS; t++) {
            int index = t;
            threads[t] = new Thread(() -> {
                int cursor = c.cursors[index];
                long n = 0;
                while ((n & 63) != 0 || System.nanoTime() < deadline) {
                    try (PageRef ref = c.pool.pin(trace[cursor], BufferPool.Latch.SHARED)) {
                        ref.buffer().getLong(PageLayout.HEADER_BYTES);
                    }
                    cursor = (cursor + 1) & (TRACE - 1);
                    n++;
                }
                c.cursors[index] = cursor;
                done[index] = n;
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        c.nanos += System.nanoTime() - start;
        for (long n : done) {
            c.ops += n;
        }
    }
}
