package org.neuroquantum.bench;

import com.codahale.metrics.MetricRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The buffer pool with each eviction policy, selected by name through the kernel as a database would: two
 * threads read pages drawn from a Zipf distribution (s = 0.99, fixed seed) over a data file four times the
 * pool. Reports operations per second; the hit ratio of each run (warm-up included) is printed at tear-down.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED"})
@Threads(2)
public class BufferPoolBenchmark {
    private static final int FRAMES = 1024;
    private static final int PAGES = 4 * FRAMES;
    private static final int TRACE = 1 << 20;

    @Param({"lru", "clock", "lru-2", "2q", "arc", "lirs", "clock-pro", "sieve", "s3-fifo", "w-tinylfu", "adaptive"})
    public String policy;

    private Path directory;
    private FilePageStore store;
    private BufferPool pool;
    private MetricRegistry registry;
    private long[] trace;

    /** Per-thread position in the shared trace. */
    @State(Scope.Thread)
    public static class Cursor {
        int next = (int) (Thread.currentThread().getId() * 7919 % TRACE);
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("nq-bench-pool");
        store = FilePageStore.open(new ChannelPageFile(directory.resolve("data.nq"), true), "data.nq", 4096, false);
        ByteBuffer page = ByteBuffer.allocate(4096);
        for (int i = 0; i < PAGES; i++) {
            page.clear();
            page.putLong(PageLayout.HEADER_BYTES, i).clear();
            store.write(store.allocate(), page);
        }
        store.sync();
        Kernel kernel = Kernel.start(Kernel.Options.embedded(RawConfig.empty().set("eviction.policy", policy, "bench")));
        // A registry, not Metrics.detached(): detached counters cannot be read back by name at tear-down.
        registry = new MetricRegistry();
        pool = new BufferPool(store, kernel.newEvictionPolicy(FRAMES), FRAMES, WalBarrier.NONE,
                new DropwizardMetrics(registry));
        trace = zipf(PAGES, 0.99, TRACE, new Random(20261125));
    }

    /** Page ids drawn from a Zipf distribution over {@code n} pages, ranks shuffled over the ids. */
    static long[] zipf(int n, double s, int length, Random random) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int rank = 1; rank <= n; rank++) {
            sum += 1.0 / Math.pow(rank, s);
            cumulative[rank - 1] = sum;
        }
        int[] idOfRank = new int[n];
        for (int i = 0; i < n; i++) {
            idOfRank[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = idOfRank[i];
            idOfRank[i] = idOfRank[j];
            idOfRank[j] = t;
        }
        long[] out = new long[length];
        for (int i = 0; i < length; i++) {
            double u = random.nextDouble() * sum;
            int lo = 0;
            int hi = n - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            out[i] = idOfRank[lo];
        }
        return out;
    }

    @Benchmark
    public long readPage(Cursor cursor) {
        long pageId = trace[cursor.next];
        cursor.next = (cursor.next + 1) & (TRACE - 1);
        try (PageRef ref = pool.pin(pageId, BufferPool.Latch.SHARED)) {
            return ref.buffer().getLong(PageLayout.HEADER_BYTES);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        long hits = registry.counter("hits").getCount();
        long misses = registry.counter("misses").getCount();
        System.out.printf("%n[buffer pool] policy=%s hit ratio=%.4f (%d hits, %d misses)%n", policy,
                hits / (double) Math.max(1, hits + misses), hits, misses);
        pool.close();
        store.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
