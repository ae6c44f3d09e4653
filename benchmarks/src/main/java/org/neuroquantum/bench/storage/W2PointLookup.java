package org.neuroquantum.bench.storage;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * W2, random point lookups: one thread reads uniformly random records of the dataset (which fits in every
 * engine's cache). JMH samples the latency of individual lookups (mean, p50, p99, p99.9); ops/s is 1 / mean.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class W2PointLookup extends OpenedDataset {

    /** The reading thread's random numbers (fixed seed). */
    @State(Scope.Thread)
    public static class Keys {
        final SplittableRandom random = new SplittableRandom(2);
    }

    /** One lookup of a random record; fails if it is missing. */
    @Benchmark
    public byte[] get(Keys keys) {
        long record = keys.random.nextInt(records);
        return present(kv.get(Records.key(record)), record);
    }
}
