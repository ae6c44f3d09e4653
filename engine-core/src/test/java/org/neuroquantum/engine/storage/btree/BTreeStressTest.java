package org.neuroquantum.engine.storage.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.neuroquantum.spi.index.IndexCursor;
import org.neuroquantum.spi.index.KeyRange;

/**
 * A longer concurrency stress, off by default. Four writers (interleaved keys with long shared prefixes, so the
 * tree is deep and inner nodes split and merge) grow the tree and shrink it almost to nothing, while four
 * readers scan in both directions; each round ends with {@link BTree#verify} and a comparison with the writers'
 * models. Run it with
 * <pre>
 * mvn -B test -pl engine-core -Dtest=BTreeStressTest -Dbtree.stress=true [-Dbtree.stress.rounds=20]
 *     [-Dbtree.stress.keys=1500] [-Dbtree.stress.ops=15000]
 * </pre>
 */
@EnabledIfSystemProperty(named = "btree.stress", matches = "true")
class BTreeStressTest {
    private static final int WRITERS = 4;
    private static final int READERS = 4;

    @Test
    void stress() throws Exception {
        int rounds = Integer.getInteger("btree.stress.rounds", 10);
        int keys = Integer.getInteger("btree.stress.keys", 1500);
        int ops = Integer.getInteger("btree.stress.ops", 15_000);
        for (int round = 0; round < rounds; round++) {
            Path dir = Files.createTempDirectory("btree-stress");
            try (TreeFixture f = TreeFixture.create(dir, 48)) {
                ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
                AtomicBoolean writing = new AtomicBoolean(true);
                List<Future<TreeMap<byte[], byte[]>>> writers = new ArrayList<>();
                List<Future<Long>> readers = new ArrayList<>();
                long seed = round;
                for (int w = 0; w < WRITERS; w++) {
                    int id = w;
                    writers.add(pool.submit(() -> write(f.tree, new Random(seed * 100 + id), id, keys, ops)));
                }
                for (int r = 0; r < READERS; r++) {
                    int id = r;
                    readers.add(pool.submit(() -> read(f.tree, new Random(seed * 100 + 50 + id), writing)));
                }
                TreeMap<byte[], byte[]> expected = Model.newModel();
                List<Throwable> errors = new ArrayList<>();
                for (Future<TreeMap<byte[], byte[]>> w : writers) {
                    try {
                        expected.putAll(w.get(600, TimeUnit.SECONDS));
                    } catch (ExecutionException e) {
                        errors.add(e.getCause());
                        writing.set(false);
                    }
                }
                writing.set(false);
                for (Future<Long> r : readers) {
                    try {
                        assertTrue(r.get(120, TimeUnit.SECONDS) > 0);
                    } catch (ExecutionException e) {
                        errors.add(e.getCause());
                    }
                }
                pool.shutdownNow();
                if (!errors.isEmpty()) {
                    AssertionError failure = new AssertionError("round " + round + ": " + errors.size() + " worker(s) failed");
                    errors.forEach(failure::addSuppressed);
                    throw failure;
                }
                Model.assertEntries(expected.size(), f.verify());
                Model.assertContents(f.tree, TreeFixture.TX, expected);
            }
        }
    }

    private static byte[] key(int n, int writer) {
        return ByteBuffer.allocate(154 + n % 30).put(Model.fill(150, (byte) 0x42)).putInt(n * WRITERS + writer).array();
    }

    private static TreeMap<byte[], byte[]> write(BTree tree, Random rnd, int id, int keys, int ops) {
        TreeMap<byte[], byte[]> model = Model.newModel();
        for (int op = 0; op < ops; op++) {
            byte[] k = key(rnd.nextInt(keys), id);
            boolean growing = (op / 2500) % 2 == 0;
            if (op < ops * 4 / 5 && rnd.nextInt(100) < (growing ? 75 : 25)) {
                byte[] v = new byte[rnd.nextInt(10) == 0 ? 1500 + rnd.nextInt(3000) : rnd.nextInt(200)];
                rnd.nextBytes(v);
                assertArrayEquals(model.put(k, v), tree.put(TreeFixture.TX, k, v));
            } else {
                assertArrayEquals(model.remove(k), tree.delete(TreeFixture.TX, k));
            }
        }
        for (byte[] k : new ArrayList<>(model.keySet())) {
            if (rnd.nextInt(10) != 0) {
                assertArrayEquals(model.remove(k), tree.delete(TreeFixture.TX, k));
            }
        }
        return model;
    }

    private static long read(BTree tree, Random rnd, AtomicBoolean writing) {
        long seen = 0;
        while (writing.get()) {
            boolean descending = rnd.nextBoolean();
            KeyRange range = rnd.nextBoolean() ? KeyRange.all()
                    : new KeyRange(key(rnd.nextInt(2000), rnd.nextInt(WRITERS)), true, null, true);
            try (IndexCursor c = tree.scan(TreeFixture.TX, range, descending)) {
                byte[] previous = null;
                int limit = rnd.nextInt(3000);
                for (int i = 0; i < limit && c.next(); i++) {
                    byte[] k = c.key();
                    if (previous != null) {
                        int cmp = Model.UNSIGNED.compare(previous, k);
                        if (descending ? cmp <= 0 : cmp >= 0) {
                            fail("out of order: " + Model.hex(previous) + " then " + Model.hex(k));
                        }
                    }
                    previous = k;
                    seen++;
                }
            }
        }
        return seen;
    }
}
