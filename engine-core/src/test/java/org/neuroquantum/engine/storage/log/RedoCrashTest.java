package org.neuroquantum.engine.storage.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neuroquantum.engine.storage.btree.BTree;
import org.neuroquantum.engine.storage.btree.BTreeIndexFactory;
import org.neuroquantum.engine.storage.btree.VerifyReport;
import org.neuroquantum.engine.storage.buffer.PageRef;
import org.neuroquantum.spi.index.IndexCursor;
import org.neuroquantum.spi.index.IndexTransaction;
import org.neuroquantum.spi.index.KeyRange;

/**
 * A B+ tree over {@link LoggedPageAccess} runs random puts and deletes (one mini-transaction each), forcing the log
 * every k operations; then the process "crashes": the buffer pool is abandoned without writing a page, store and
 * log are closed without syncing. Reopened, {@link RedoRecovery} replays the log, and the tree must verify and hold
 * exactly the model after the last recovered operation, which is at least the last forced one.
 */
class RedoCrashTest {
    private static final IndexTransaction READ = () -> 99L;

    @TempDir
    Path dir;

    /** One operation and the LSN of its record (0 when it changed nothing). */
    private record Op(byte[] key, byte[] value, long lsn) {
    }

    private static TreeMap<byte[], byte[]> newModel() {
        return new TreeMap<>(Arrays::compareUnsigned);
    }

    @ParameterizedTest(name = "seed {0}, {1} operations, force every {2}, {3} frames")
    @CsvSource({
        "1, 3000, 7, 24",
        "2, 6000, 50, 16",
        "3, 4000, 1, 64",
        "4, 8000, 200, 32",
        "5, 2500, 13, 12",
    })
    void recoveredTreeEqualsTheModelAtTheLastRecoveredRecord(long seed, int operations, int forceEvery, int frames) {
        Random rnd = new Random(seed);
        BTreeIndexFactory factory = new BTreeIndexFactory();
        TreeMap<byte[], byte[]> model = newModel();
        List<byte[]> keys = new ArrayList<>();
        LogFixture f = new LogFixture(dir, frames).open();
        // The database as created: header page 0, an empty tree, all durable.
        try (PageRef header = f.pool.allocate()) {
            assertEquals(0, header.pageId());
        }
        MiniTransaction create = f.pages.begin(1, 0);
        BTree tree = factory.create(f.context(), create);
        long root = tree.rootPageId();
        f.wal.force(create.commit());
        f.pool.flushAll();
        f.store.sync();

        long tx = 2;
        long frees = 0;
        long allocations = 0;
        for (int round = 0; round < 2; round++) {
            List<Op> ops = new ArrayList<>();
            long forcedLsn = f.wal.durableLsn();
            for (int i = 0; i < operations; i++) {
                boolean delete = !keys.isEmpty() && rnd.nextInt(100) < (i < operations / 2 ? 25 : 60);
                byte[] key = delete || (!keys.isEmpty() && rnd.nextInt(4) == 0) ? keys.get(rnd.nextInt(keys.size()))
                        : randomKey(rnd);
                byte[] value = delete ? null : randomValue(rnd);
                MiniTransaction mtr = f.pages.begin(tx++, 0);
                if (delete) {
                    tree.delete(mtr, key);
                } else {
                    tree.put(mtr, key, value);
                    keys.add(key);
                }
                long lsn = mtr.commit();
                for (MiniTransactionRecord.PageChange c : mtr.changes()) {
                    frees += c.kind() == MiniTransactionRecord.Kind.FREE ? 1 : 0;
                    allocations += c.kind() == MiniTransactionRecord.Kind.ALLOCATE ? 1 : 0;
                }
                ops.add(new Op(key, value, lsn));
                if (i % forceEvery == forceEvery - 1 && lsn > 0) {
                    f.wal.force(lsn);
                    forcedLsn = lsn;
                }
            }
            f.crash();

            f = new LogFixture(dir, frames).open();
            RedoRecovery.Report report = new RedoRecovery(f.wal, f.store, f.pool).run();
            long last = report.lastLsn();
            if (round == 0) {
                // A crash during recovery, after part of the repaired pages was written: redo runs again.
                f.pool.flushUnpinned(f.pool.dirtyPages() / 2);
                f.crash();
                f = new LogFixture(dir, frames).open();
                report = new RedoRecovery(f.wal, f.store, f.pool).run();
                assertEquals(last, report.lastLsn());
            }
            assertTrue(last >= forcedLsn, "every forced record survives: " + last + " < " + forcedLsn);
            assertTrue(report.changesApplied() > 0);
            assertEquals(report.recordsRead(), report.miniTransactions());
            int applied = 0;
            for (Op op : ops) {
                if (op.lsn() <= last) {
                    applied++;
                    if (op.value() == null) {
                        model.remove(op.key());
                    } else {
                        model.put(op.key(), op.value());
                    }
                }
            }
            keys.removeIf(k -> !model.containsKey(k));
            tree = factory.open(f.context(), root);
            VerifyReport verify = tree.verify(READ);
            assertEquals(model.size(), verify.entries(), "entries after " + applied + " of " + ops.size()
                    + " operations (round " + round + ")");
            assertContents(tree, model);
            // The recovered database is checkpointed, and keeps working in the next round.
            f.pool.flushAll();
            f.store.sync();
        }
        f.close();
        assertTrue(frees > 10 && allocations > 10, "splits and merges happened: " + allocations + " allocations, "
                + frees + " frees");
    }

    private static void assertContents(BTree tree, TreeMap<byte[], byte[]> model) {
        try (IndexCursor c = tree.scan(READ, KeyRange.all(), false)) {
            for (Map.Entry<byte[], byte[]> e : model.entrySet()) {
                assertTrue(c.next(), "the tree ends early");
                assertArrayEquals(e.getKey(), c.key());
                assertArrayEquals(e.getValue(), c.value());
            }
            assertFalse(c.next(), "the tree holds more than the model");
        }
    }

    private static byte[] randomKey(Random rnd) {
        byte[] k = new byte[4 + rnd.nextInt(rnd.nextInt(8) == 0 ? 300 : 20)];
        rnd.nextBytes(k);
        return k;
    }

    private static byte[] randomValue(Random rnd) {
        int n = switch (rnd.nextInt(20)) {
            case 0 -> 1500 + rnd.nextInt(6000); // overflow pages
            case 1 -> 0;
            default -> rnd.nextInt(120);
        };
        byte[] v = new byte[n];
        rnd.nextBytes(v);
        return v;
    }
}
