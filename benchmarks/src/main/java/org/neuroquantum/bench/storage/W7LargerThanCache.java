package org.neuroquantum.bench.storage;

import java.util.concurrent.TimeUnit;
import org.neuroquantum.bench.kv.KvOptions;
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
 * W7, data larger than the cache: the dataset is opened with a cache budget of a quarter of its raw size (keys
 * plus values), the same budget for every engine that has a cache, and two threads read records drawn from a
 * {@link Zipf zipfian} trace. Score: reads per second over both threads. The operating system's page cache is
 * not limited (the machine has far more memory), so a miss costs a copy from the page cache, not a disk read.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
public class W7LargerThanCache extends OpenedDataset {
    int[] trace;

    /** The cache budget: raw data / 4, at least 1 MB. */
    public static long cacheBytes(int records) {
        return Math.max(1L << 20, Records.rawBytes(records) / 4);
    }

    @Override
    protected KvOptions options() {
        return new KvOptions(cacheBytes(records));
    }

    /** Draws the shared zipfian trace (fixed seed). */
    @Setup(Level.Trial)
    public void drawTrace() {
        trace = Zipf.trace(records, W5ReadUpdate.TRACE, 7);
    }

    /** A thread's position in the trace. */
    @State(Scope.Thread)
    public static class Reader {
        int next;

        /** Each thread starts at its own place in the trace. */
        @Setup
        public void place(ThreadParams thread) {
            next = thread.getThreadIndex() * (W5ReadUpdate.TRACE / Math.max(1, thread.getThreadCount()));
        }
    }

    /** One read. */
    @Benchmark
    public byte[] get(Reader reader) {
        int record = trace[reader.next];
        reader.next = (reader.next + 1) & (W5ReadUpdate.TRACE - 1);
        return present(kv.get(Records.key(record)), record);
    }
}
