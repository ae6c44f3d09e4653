package org.neuroquantum.bench.kv;

import java.nio.file.Path;
import java.util.Map;

/**
 * An embedded storage engine seen as an ordered map from byte keys to byte values, the shape every workload of
 * the storage suite needs. Keys compare as unsigned bytes, lexicographically.
 *
 * <p>Every write method is one transaction that is durable when the method returns: it survives {@code kill -9}
 * and power loss (each adapter says how it gets there). Reads may run from several threads at once; writes may
 * too, an adapter serialises them where its engine requires it.
 *
 * <p>Errors surface as {@link KvEngineException} naming the engine and the operation.
 */
public interface KvEngine extends AutoCloseable {

    /** The name the suite selects this engine by, e.g. {@code rocksdb}. */
    String name();

    /** The engine's version, as precise as the engine reports it (binding and native library). */
    String version();

    /**
     * Opens the store in {@code directory}, creating it if needed.
     *
     * @param directory a directory this engine owns; created if missing
     * @param options the cache budget and the like
     */
    void open(Path directory, KvOptions options);

    /** Inserts or replaces one record in one durable transaction. */
    void put(byte[] key, byte[] value);

    /**
     * Inserts or replaces {@code keys[from..to)} with {@code values[from..to)} in one durable transaction (the bulk
     * load path).
     */
    void putBatch(byte[][] keys, byte[][] values, int from, int to);

    /** The value stored under {@code key}, or {@code null}. */
    byte[] get(byte[] key);

    /** Removes {@code key} (if present) in one durable transaction. */
    void delete(byte[] key);

    /**
     * Visits the records with {@code fromInclusive <= key < toExclusive} in ascending key order.
     *
     * @return the number of records visited
     */
    int scan(byte[] fromInclusive, byte[] toExclusive, RowVisitor visitor);

    /** Says in words how much cache this engine got from the options, and where it lives (for the report). */
    String cacheDescription();

    /**
     * What the engine itself reports about its last open, e.g. how long its recovery took (none by default); W6
     * records it beside the measured time.
     */
    default Map<String, Object> openDiagnostics() {
        return Map.of();
    }

    /** The directory {@link #open} was given. */
    Path directory();

    /** Bytes of all files under {@link #directory()}: what the store occupies on disk. */
    default long bytesOnDisk() {
        return Directories.size(directory());
    }

    /** Closes the store; a closed engine may be opened again. */
    @Override
    void close();

    /** Receives one record of a scan; the arrays belong to the visitor. */
    @FunctionalInterface
    interface RowVisitor {
        /** Called once per record, in key order. */
        void visit(byte[] key, byte[] value);
    }
}
