package org.neuroquantum.bench.storage;

import java.io.PrintStream;
import java.nio.file.Path;
import org.neuroquantum.bench.kv.Engines;
import org.neuroquantum.bench.kv.KvEngine;
import org.neuroquantum.bench.kv.KvOptions;

/**
 * The process W6 kills: loads the records into a store (ascending key order, {@link Dataset#BATCH} per durable
 * transaction: the fastest load for every engine, which keeps the suite short), prints {@code LOADED}, then inserts further records one durable transaction at a time, printing
 * {@code ACK n} once record {@code n} is committed, until it is killed.
 *
 * <p>Usage: {@code CrashChild ENGINE DIRECTORY RECORDS}.
 */
public final class CrashChild {
    /** The line printed once the load is durable. */
    public static final String LOADED = "LOADED";
    /** The prefix of an acknowledgement line. */
    public static final String ACK = "ACK ";

    private CrashChild() {
    }

    /** Runs until killed. */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: CrashChild ENGINE DIRECTORY RECORDS");
            System.exit(2);
        }
        int records = Integer.parseInt(args[2]);
        KvEngine kv = Engines.create(args[0]);
        kv.open(Path.of(args[1]), KvOptions.defaults());
        Dataset.load(kv, Records.order(records, false, Dataset.ORDER_SEED));
        PrintStream out = System.out;
        out.println(LOADED);
        out.flush();
        for (long n = records; ; n++) {
            kv.put(Records.key(n), Records.value(n, 0));
            out.println(ACK + n);
            out.flush();
        }
    }
}
