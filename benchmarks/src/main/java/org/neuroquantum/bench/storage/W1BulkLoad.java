package org.neuroquantum.bench.storage;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.neuroquantum.bench.kv.Directories;
import org.neuroquantum.bench.kv.Engines;
import org.neuroquantum.bench.kv.KvEngine;
import org.neuroquantum.bench.kv.KvOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W1, bulk load: all records into an empty store, {@link Dataset#BATCH} per durable transaction, in random or
 * ascending key order; the score is the time of the whole load (records/s = records / score). W8 is measured
 * here too: the bytes the store occupies once loaded, while open and after close. A random-order load becomes
 * the engine's shared {@link Dataset} when there is none yet.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class W1BulkLoad extends StorageBenchmark {
    /** Key order of the load. */
    @Param({"random", "sequential"})
    public String order;

    private byte[][] keys;
    private byte[][] values;
    private KvEngine kv;
    private Path directory;
    private int iteration;

    /** Builds the records up front so that the timed load does nothing but store them. */
    @Setup(Level.Trial)
    public void generate() {
        int[] numbers = Records.order(records, "random".equals(order), Dataset.ORDER_SEED);
        keys = new byte[records][];
        values = new byte[records][];
        for (int i = 0; i < records; i++) {
            keys[i] = Records.key(numbers[i]);
            values[i] = Records.value(numbers[i], 0);
        }
    }

    /** A fresh, empty store for each load. */
    @Setup(Level.Iteration)
    public void openEmpty() {
        directory = dataPath().resolve("w1").resolve(engine + "-" + order + "-" + records + "-" + iteration++);
        Directories.delete(directory);
        kv = Engines.create(engine);
        kv.open(directory, KvOptions.defaults());
    }

    /** The load. */
    @Benchmark
    public void load() {
        Dataset.load(kv, keys, values);
    }

    /** Records W8 and the engine's description, then keeps the store as the dataset or removes it. */
    @TearDown(Level.Iteration)
    public void measureAndClose() {
        Path data = dataPath();
        SideMetrics.record(data, "W8", engine, "bytes_open_" + order, kv.bytesOnDisk());
        SideMetrics.record(data, "engine", engine, "version", kv.version());
        SideMetrics.record(data, "engine", engine, "cache", kv.cacheDescription());
        kv.close();
        SideMetrics.record(data, "W8", engine, "bytes_closed_" + order, Directories.size(directory));
        if (!"random".equals(order) || !Dataset.adopt(directory, data, engine, records)) {
            Directories.delete(directory);
        }
    }
}
