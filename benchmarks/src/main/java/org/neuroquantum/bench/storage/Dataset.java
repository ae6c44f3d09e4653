package org.neuroquantum.bench.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.neuroquantum.bench.kv.Directories;
import org.neuroquantum.bench.kv.Engines;
import org.neuroquantum.bench.kv.KvEngine;
import org.neuroquantum.bench.kv.KvOptions;

/**
 * The loaded store each engine's read and update workloads share, so that one suite run loads every engine
 * once rather than once per workload: {@code DATA/datasets/ENGINE-RECORDS/store}, complete once the file
 * {@code DATA/datasets/ENGINE-RECORDS/complete} exists. W1's random-order load is adopted as the dataset when
 * there is none yet (the suite runs W1 first for that reason); otherwise the first benchmark that needs it builds
 * it, untimed, in the same random order.
 */
public final class Dataset {
    /** Records per transaction in every load: each batch is one durable commit. */
    public static final int BATCH = 1000;
    /** The seed of the random load order (the same for every engine). */
    public static final long ORDER_SEED = 20261125L;

    private Dataset() {
    }

    /** The store directory of {@code engine}'s dataset of {@code records} records. */
    public static Path store(Path dataDir, String engine, int records) {
        return home(dataDir, engine, records).resolve("store");
    }

    private static Path home(Path dataDir, String engine, int records) {
        return dataDir.resolve("datasets").resolve(engine + "-" + records);
    }

    private static Path completeMarker(Path dataDir, String engine, int records) {
        return home(dataDir, engine, records).resolve("complete");
    }

    /** The dataset's store directory, loading it (random order, untimed) if it is not complete yet. */
    public static synchronized Path ensure(Path dataDir, String engine, int records) {
        if (Files.exists(completeMarker(dataDir, engine, records))) {
            return store(dataDir, engine, records);
        }
        Path loading = dataDir.resolve("datasets").resolve(engine + "-" + records + ".loading");
        Directories.delete(loading);
        KvEngine kv = Engines.create(engine);
        kv.open(loading, KvOptions.defaults());
        try {
            load(kv, Records.order(records, true, ORDER_SEED));
        } finally {
            kv.close();
        }
        adopt(loading, dataDir, engine, records);
        return store(dataDir, engine, records);
    }

    /**
     * Makes the closed, fully loaded (random order) store in {@code loaded} the dataset if there is none yet.
     *
     * @return whether it was adopted; if not, the caller still owns {@code loaded}
     */
    public static synchronized boolean adopt(Path loaded, Path dataDir, String engine, int records) {
        Path marker = completeMarker(dataDir, engine, records);
        if (Files.exists(marker)) {
            return false;
        }
        Path store = store(dataDir, engine, records);
        try {
            Directories.delete(home(dataDir, engine, records));
            Files.createDirectories(store.getParent());
            Files.move(loaded, store, StandardCopyOption.ATOMIC_MOVE);
            Files.createFile(marker);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot adopt " + loaded + " as the dataset " + store, e);
        }
    }

    /** Loads {@code keys[i] -> values[i]} in index order, {@link #BATCH} per durable transaction. */
    public static void load(KvEngine kv, byte[][] keys, byte[][] values) {
        for (int start = 0; start < keys.length; start += BATCH) {
            kv.putBatch(keys, values, start, Math.min(keys.length, start + BATCH));
        }
    }

    /** Loads the records {@code order} names, in that order, {@link #BATCH} per durable transaction. */
    public static void load(KvEngine kv, int[] order) {
        byte[][] keys = new byte[BATCH][];
        byte[][] values = new byte[BATCH][];
        for (int start = 0; start < order.length; start += BATCH) {
            int end = Math.min(order.length, start + BATCH);
            for (int i = start; i < end; i++) {
                keys[i - start] = Records.key(order[i]);
                values[i - start] = Records.value(order[i], 0);
            }
            kv.putBatch(keys, values, 0, end - start);
        }
    }
}
