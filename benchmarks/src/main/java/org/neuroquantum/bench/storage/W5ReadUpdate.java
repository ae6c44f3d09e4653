package org.neuroquantum.bench.storage;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * W5, YCSB-B-like: two threads, each operation a read (95%) or a durable single-record update (5%) of a record
 * drawn from a {@link Zipf zipfian} trace. Score: operations per second over both threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
public class W5ReadUpdate extends OpenedDataset {
    /** Length of the shared trace (a power of two). */
    static final int TRACE = 1 << 20;
    /** Percentage of updates. */
    static final int UPDATE_PERCENT = 5;

    int[] trace;

    /** Draws the shared zipfian trace (fixed seed). */
    @Setup(Level.Trial)
    public void drawTrace() {
        trace = Zipf.trace(records, TRACE, 5);
    }

    /** A thread's position in the trace and its random numbers. */
    @State(Scope.Thread)
    public static class Client {
        SplittableRandom random;
        int next;
        long version;

        /** Each thread starts at its own place in the trace. */
        @Setup
        public void seed(ThreadParams thread) {
            random = new SplittableRandom(5_000 + thread.getThreadIndex());
            next = thread.getThreadIndex() * (TRACE / Math.max(1, thread.getThreadCount()));
            version = 1 + (thread.getThreadIndex() + 100L) * 1_000_000_000L;
        }
    }

    /** One read or update. */
    @Benchmark
    public Object operation(Client client) {
        int record = trace[client.next];
        client.next = (client.next + 1) & (TRACE - 1);
        byte[] key = Records.key(record);
        if (client.random.nextInt(100) < UPDATE_PERCENT) {
            kv.put(key, Records.value(record, client.version++));
            return key;
        }
        return present(kv.get(key), record);
    }
}
