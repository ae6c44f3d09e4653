package org.neuroquantum.bench.storage;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * W4, durable commits: 1, 4 and 16 threads each commit transactions of one update (a random record gets a new
 * 100-byte value); every commit is durable when it returns. Score: commits per second over all threads. Compare
 * with {@link W4RawFsync}, the disk's own sync rate, measured in the same run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class W4DurableCommit extends OpenedDataset {

    /** A committing thread's random numbers (seeded by thread index). */
    @State(Scope.Thread)
    public static class Writer {
        SplittableRandom random;
        long version;

        /** Seeds by thread index so that runs are repeatable. */
        @Setup
        public void seed(ThreadParams thread) {
            random = new SplittableRandom(4_000 + thread.getThreadIndex());
            version = 1 + thread.getThreadIndex() * 1_000_000_000L;
        }

        void commitOne(OpenedDataset state, int records) {
            long record = random.nextInt(records);
            state.kv.put(Records.key(record), Records.value(record, version++));
        }
    }

    /** One thread. */
    @Benchmark
    @Threads(1)
    public void threads01(Writer writer) {
        writer.commitOne(this, records);
    }

    /** Four threads. */
    @Benchmark
    @Threads(4)
    public void threads04(Writer writer) {
        writer.commitOne(this, records);
    }

    /** Sixteen threads. */
    @Benchmark
    @Threads(16)
    public void threads16(Writer writer) {
        writer.commitOne(this, records);
    }
}
