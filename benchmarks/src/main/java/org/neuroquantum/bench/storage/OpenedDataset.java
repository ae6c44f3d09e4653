package org.neuroquantum.bench.storage;

import org.neuroquantum.bench.kv.Engines;
import org.neuroquantum.bench.kv.KvEngine;
import org.neuroquantum.bench.kv.KvOptions;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/** A workload over the engine's shared {@link Dataset}, opened once per trial with {@link #options()}. */
public abstract class OpenedDataset extends StorageBenchmark {
    /** The engine, open on the dataset. */
    protected KvEngine kv;

    /** The options the dataset is opened with: the default 256 MB cache unless a workload says otherwise. */
    protected KvOptions options() {
        return KvOptions.defaults();
    }

    /** Opens the dataset, loading it first if no earlier benchmark has. */
    @Setup(Level.Trial)
    public void openDataset() {
        kv = Engines.create(engine);
        kv.open(Dataset.ensure(dataPath(), engine, records), options());
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void closeDataset() {
        kv.close();
    }

    /** Fails the benchmark if a record of the dataset is missing: a broken adapter must not yield a score. */
    protected static byte[] present(byte[] value, long record) {
        if (value == null) {
            throw new IllegalStateException("record " + record + " of the dataset is missing");
        }
        return value;
    }
}
