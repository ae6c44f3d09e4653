package org.neuroquantum.engine.db.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.Kernel;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.db.RowCursor;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.storage.wal.SimulatedDisk;
import org.neuroquantum.engine.storage.wal.SimulatedStorage;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.engine.table.TableSchema;
import org.neuroquantum.engine.txn.CheckpointFile;
import org.neuroquantum.engine.txn.Transaction;

/**
 * Simulated power loss over the whole database: the page store and the WAL are the fault-injecting {@code sim}
 * providers over one {@link SimulatedDisk}. A single-threaded workload of transfers, inserts, deletes and
 * rollbacks (with checkpoints) runs on it; after every operation the disk is crashed in each way it can be — every
 * unsynced write dropped, the unsynced writes cut at a random one that is torn, or a random subset of them kept
 * (reordered) — and each crash state is opened (recovered) in a directory of its own and compared with the model:
 * it must hold exactly the transactions whose commit had returned. States: {@code -Dpowerloss.states=N}
 * (default 10,000).
 */
class PowerLossTest {
    private static final int ACCOUNTS = 3000;
    private static final SimulatedDisk.Crash[] KINDS = {SimulatedDisk.Crash.POWER_LOSS,
        SimulatedDisk.Crash.TORN_WRITE, SimulatedDisk.Crash.REORDER};

    @TempDir
    Path temporary;

    /**
     * Where the real files live (marker, checkpoint file, lock): memory when the machine has /dev/shm, since each
     * state's recovery syncs its checkpoint file and these files are not under test here (the simulated disk is).
     */
    private Path root;

    /** The committed state: balances and events. */
    private record Model(Map<Integer, Long> balances, Map<Long, String> events) {
        Model copy() {
            return new Model(new TreeMap<>(balances), new TreeMap<>(events));
        }
    }

    private Kernel kernel;
    private Path live;
    private SimulatedDisk disk;
    private Random random;
    private int states;
    private long recoveredTransactions;
    private long tornPages;

    private static RawConfig config() {
        return RawConfig.empty().set("eviction.policy", "test-fifo", "test").set("page.store", "sim", "test")
                .set("wal", "sim", "test").set("buffer.pool.size", "64KB", "test")
                .set("wal.segment-size", "64KB", "test").set("checkpoint.interval", "1h", "test")
                .set("lock.wait-timeout", "1s", "test");
    }

    @Test
    void everyCrashStateHoldsExactlyTheCommittedTransactions() throws Exception {
        int target = Integer.getInteger("powerloss.states", 10_000);
        Path shm = Path.of("/dev/shm");
        root = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "nq-powerloss")
                : temporary;
        try {
            run(target);
        } finally {
            if (!root.equals(temporary)) {
                try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private void run(int target) throws Exception {
        kernel = Kernel.start(Kernel.Options.embedded(config()));
        live = root.resolve("live");
        disk = new SimulatedDisk();
        SimulatedStorage.mount(live, disk);
        random = new Random(20261125L);
        TableSchema accountsSchema = TableSchema.builder().notNull("id", ColumnType.INTEGER)
                .notNull("balance", ColumnType.BIGINT).primaryKey("id").build();
        TableSchema eventsSchema = TableSchema.builder().notNull("id", ColumnType.BIGINT)
                .column("payload", ColumnType.VARCHAR).primaryKey("id").build();
        Model committed = new Model(new TreeMap<>(), new TreeMap<>());
        try (Database db = Database.open(live, kernel)) {
            Table accounts = db.createTable("accounts", accountsSchema);
            Table events = db.createTable("events", eventsSchema);
            try (Transaction tx = db.begin()) {
                for (int i = 0; i < ACCOUNTS; i++) {
                    accounts.insert(tx, new Object[] {i, 1000L});
                    committed.balances().put(i, 1000L);
                }
                tx.commit();
            }
            crashEverywayAndCheck(committed);
            long nextEvent = 0;
            int transactions = 0;
            while (states < target) {
                Model working = committed.copy();
                Transaction tx = db.begin();
                int ops = 1 + random.nextInt(4);
                for (int o = 0; o < ops; o++) {
                    int pick = random.nextInt(20);
                    switch (pick < 9 ? 0 : pick < 17 ? 1 : 2) {
                        case 0 -> {
                            int a = random.nextInt(ACCOUNTS);
                            int b = random.nextInt(ACCOUNTS);
                            long amount = 1 + random.nextInt(50);
                            long balanceA = (Long) accounts.get(tx, a)[1] - amount;
                            accounts.put(tx, new Object[] {a, balanceA});
                            working.balances().put(a, balanceA);
                            long balanceB = (Long) accounts.get(tx, b)[1] + amount;
                            accounts.put(tx, new Object[] {b, balanceB});
                            working.balances().put(b, balanceB);
                        }
                        case 1 -> {
                            long id = nextEvent++;
                            String payload = "e" + id + "-" + "p".repeat(random.nextInt(600));
                            events.insert(tx, new Object[] {id, payload});
                            working.events().put(id, payload);
                        }
                        default -> {
                            if (!working.events().isEmpty()) {
                                List<Long> ids = new ArrayList<>(working.events().keySet());
                                long id = ids.get(random.nextInt(ids.size()));
                                assertTrue(events.delete(tx, id));
                                working.events().remove(id);
                            }
                        }
                    }
                    if (random.nextInt(3) == 0) {
                        // as a concurrent commit would: the in-flight transaction's records become durable
                        db.wal().force(db.wal().lastLsn());
                    }
                    crashEverywayAndCheck(committed);
                }
                if (random.nextInt(6) == 0) {
                    tx.rollback();
                } else {
                    // A crash inside the commit's own sync: the commit may or may not have become durable.
                    SimulatedDisk.Crash kind = KINDS[random.nextInt(KINDS.length)];
                    disk.crashAtSync(1, kind, new Random(random.nextLong()));
                    tx.commit();
                    SimulatedDisk atSync = disk.crashedAtSync();
                    if (atSync != null) {
                        check(List.of(committed, working), atSync, checkpointBytes(), kind);
                    }
                    committed = working;
                }
                crashEverywayAndCheck(committed);
                if (++transactions % 25 == 0) {
                    db.checkpoint();
                    crashEverywayAndCheck(committed);
                }
            }
        }
        SimulatedStorage.unmount(live);
        System.out.printf("power loss: %d crash states recovered and checked (%d transactions rolled back, %d torn "
                + "pages rebuilt by recovery)%n", states, recoveredTransactions, tornPages);
        assertTrue(recoveredTransactions > 0 && tornPages > 0, "the workload must exercise undo and torn pages");
    }

    private byte[] checkpointBytes() throws Exception {
        return Files.exists(live.resolve(CheckpointFile.NAME)) ? Files.readAllBytes(live.resolve(CheckpointFile.NAME))
                : null;
    }

    private void crashEverywayAndCheck(Model expected) throws Exception {
        byte[] checkpoint = checkpointBytes();
        for (SimulatedDisk.Crash kind : KINDS) {
            SimulatedDisk crashed = disk.crash(kind, random);
            check(List.of(expected), crashed, checkpoint, kind);
        }
    }

    /** Recovers {@code crashed} and checks it holds one of the {@code acceptable} states. */
    private void check(List<Model> acceptable, SimulatedDisk crashed, byte[] checkpoint, SimulatedDisk.Crash kind)
            throws Exception {
        Path dir = root.resolve("state");
        Files.createDirectories(dir);
        Files.copy(live.resolve(Database.MARKER), dir.resolve(Database.MARKER),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (checkpoint == null) {
            Files.deleteIfExists(dir.resolve(CheckpointFile.NAME));
        } else {
            Files.write(dir.resolve(CheckpointFile.NAME), checkpoint);
        }
        SimulatedStorage.mount(dir, crashed.rebased(live, dir));
        String state = "crash state " + states + " (" + kind + ")";
        Database db = null;
        try {
            db = Database.open(dir, kernel);
            recoveredTransactions += db.recoveryReport().transactionsRolledBack();
            tornPages += db.recoveryReport().tornPagesRebuilt();
            try (Transaction tx = db.begin()) {
                Map<Integer, Long> balances = new TreeMap<>();
                try (RowCursor c = db.table("accounts").scan(tx, null, null, false)) {
                    while (c.next()) {
                        balances.put((Integer) c.row()[0], (Long) c.row()[1]);
                    }
                }
                Map<Long, String> events = new TreeMap<>();
                try (RowCursor c = db.table("events").scan(tx, null, null, false)) {
                    while (c.next()) {
                        events.put((Long) c.row()[0], (String) c.row()[1]);
                    }
                }
                tx.commit();
                Model found = new Model(balances, events);
                if (!acceptable.contains(found)) {
                    Model expected = acceptable.get(0);
                    assertEquals(expected.balances(), balances, state + ": balances");
                    assertEquals(expected.events().keySet(), events.keySet(), state + ": events");
                    assertEquals(expected.events(), events, state + ": event payloads");
                }
            }
        } catch (RuntimeException e) {
            throw new AssertionError(state + " did not recover: " + e, e);
        } finally {
            if (db != null) {
                db.simulateCrash(); // nothing more to write: the state is thrown away
            }
            SimulatedStorage.unmount(dir);
        }
        states++;
    }
}
