package org.neuroquantum.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.neuroquantum.engine.Kernel;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.spi.eviction.EvictionPolicy;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The eviction policies alone, without the buffer pool: one thread replays Zipf-distributed page ids
 * (s = 0.99 over four times the capacity, fixed seed) through a policy as the pool would drive it (a hit is
 * {@code onAccess}; a miss is {@code evict} when full, then {@code onInsert}). Reports nanoseconds per access:
 * the policy's own cost, which the buffer pool adds to every page access under its lock.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EvictionPolicyBenchmark {
    private static final int CAPACITY = 1024;
    private static final int PAGES = 4 * CAPACITY;
    private static final int TRACE = 1 << 20;

    @Param({"lru", "clock", "lru-2", "2q", "arc", "lirs", "clock-pro", "sieve", "s3-fifo", "w-tinylfu", "adaptive"})
    public String policy;

    private EvictionPolicy instance;
    private long[] trace;
    private boolean[] resident;
    private int residentCount;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Kernel kernel = Kernel.start(Kernel.Options.embedded(RawConfig.empty().set("eviction.policy", policy, "bench")));
        instance = kernel.newEvictionPolicy(CAPACITY);
        trace = BufferPoolBenchmark.zipf(PAGES, 0.99, TRACE, new Random(20261125));
        resident = new boolean[PAGES];
    }

    @Benchmark
    public long access() {
        long page = trace[next];
        next = (next + 1) & (TRACE - 1);
        if (resident[(int) page]) {
            instance.onAccess(page);
            return page;
        }
        if (residentCount == CAPACITY) {
            resident[(int) instance.evict()] = false;
            residentCount--;
        }
        instance.onInsert(page);
        resident[(int) page] = true;
        residentCount++;
        return page;
    }
}
