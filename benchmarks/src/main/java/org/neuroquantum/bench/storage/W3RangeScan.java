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
import org.openjdk.jmh.infra.Blackhole;

/**
 * W3, range scans: one thread reads {@value #ROWS} consecutive records (keys and values) from a uniformly random
 * start; the score is the mean time per scan. A scan that returns another number of rows fails the benchmark.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
public class W3RangeScan extends OpenedDataset {
    /** Rows per scan. */
    public static final int ROWS = 10_000;

    /** The scanning thread's random numbers (fixed seed). */
    @State(Scope.Thread)
    public static class Starts {
        final SplittableRandom random = new SplittableRandom(3);
    }

    /** One scan of {@value #ROWS} rows. */
    @Benchmark
    public int scan(Starts starts, Blackhole blackhole) {
        long from = starts.random.nextInt(Math.max(1, records - ROWS));
        int rows = kv.scan(Records.key(from), Records.key(from + ROWS), (k, v) -> blackhole.consume(v));
        if (rows != Math.min(ROWS, records)) {
            throw new IllegalStateException("scan from record " + from + " returned " + rows + " rows, expected "
                    + Math.min(ROWS, records));
        }
        return rows;
    }
}
