package org.neuroquantum.engine.storage.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.spi.index.IndexCursor;
import org.neuroquantum.spi.index.KeyRange;

/**
 * Two writers and two readers with fixed seeds. The writers own disjoint key sets, so the final content is
 * deterministic (the union of their models); the readers check that everything they see was written for that
 * key, lies in range and comes in strict order.
 */
class BTreeConcurrencyTest {
    private static final int OPS_PER_WRITER = 12_000;
    private static final int KEYS_PER_WRITER = 2500;

    @TempDir
    Path dir;

    /** Every value ever written, by key: a reader may see any of them. */
    private final Map<String, Set<Long>> written = new ConcurrentHashMap<>();

    /**
     * Writer {@code w}'s key number {@code n}: with {@code interleaved}, both writers' keys alternate in one key
     * range (so they contend for the same leaves); otherwise each writer has its own range.
     */
    private static byte[] key(int writer, int n, boolean interleaved) {
        int id = interleaved ? 2 * n + writer : writer * 1_000_000 + n;
        int padding = (n * 7919) % 40;
        ByteBuffer b = ByteBuffer.allocate(5 + padding);
        b.put((byte) 0x30).putInt(id);
        for (int i = 0; i < padding; i++) {
            b.put((byte) (0x80 + i));
        }
        return b.array();
    }

    /** A value that names its key and a serial number, with filler derived from both; some pass the overflow threshold. */
    private static byte[] value(byte[] key, long serial, int length) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(16, length));
        b.putInt(Arrays.hashCode(key)).putLong(serial).putInt(length);
        Random filler = new Random(serial * 31 + Arrays.hashCode(key));
        while (b.hasRemaining()) {
            b.put((byte) filler.nextInt(256));
        }
        return b.array();
    }

    private void checkValue(byte[] key, byte[] value, String where) {
        ByteBuffer b = ByteBuffer.wrap(value);
        long serial = b.getLong(4);
        if (b.getInt(0) != Arrays.hashCode(key) || !Arrays.equals(value, value(key, serial, b.getInt(12)))) {
            fail(where + ": value for key " + Model.hex(key) + " is not one that was written for it");
        }
        Set<Long> serials = written.get(Model.hex(key));
        if (serials == null || !serials.contains(serial)) {
            fail(where + ": value " + serial + " for key " + Model.hex(key) + " was never written");
        }
    }

    private TreeMap<byte[], byte[]> writer(BTree tree, int w, boolean interleaved, long seed, AtomicLong serials) {
        Random rnd = new Random(seed);
        TreeMap<byte[], byte[]> model = Model.newModel();
        for (int op = 0; op < OPS_PER_WRITER; op++) {
            // Grow for the first half, then shrink: both splits and merges under contention.
            int putShare = op < OPS_PER_WRITER / 2 ? 70 : 30;
            byte[] k = key(w, rnd.nextInt(KEYS_PER_WRITER), interleaved);
            if (rnd.nextInt(100) < putShare) {
                long serial = serials.incrementAndGet();
                int r = rnd.nextInt(100);
                byte[] v = value(k, serial, r < 85 ? rnd.nextInt(120) : r < 95 ? 200 + rnd.nextInt(700) : 1200 + rnd.nextInt(4000));
                written.computeIfAbsent(Model.hex(k), x -> ConcurrentHashMap.newKeySet()).add(serial);
                assertArrayEquals(model.put(k, v), tree.put(TreeFixture.TX, k, v), "writer " + w + " op " + op);
            } else {
                assertArrayEquals(model.remove(k), tree.delete(TreeFixture.TX, k), "writer " + w + " op " + op);
            }
        }
        return model;
    }

    private long reader(BTree tree, int r, boolean interleaved, AtomicBoolean writing) {
        Random rnd = new Random(1000 + r);
        long seen = 0;
        while (writing.get()) {
            byte[] a = key(rnd.nextInt(2), rnd.nextInt(KEYS_PER_WRITER), interleaved);
            if (rnd.nextInt(3) == 0) {
                byte[] v = tree.get(TreeFixture.TX, a);
                if (v != null) {
                    checkValue(a, v, "reader " + r + " get");
                    seen++;
                }
                continue;
            }
            byte[] b = key(rnd.nextInt(2), rnd.nextInt(KEYS_PER_WRITER), interleaved);
            if (Model.UNSIGNED.compare(a, b) > 0) {
                byte[] t = a;
                a = b;
                b = t;
            }
            KeyRange range = rnd.nextInt(10) == 0 ? KeyRange.all() : new KeyRange(a, rnd.nextBoolean(), b, rnd.nextBoolean());
            boolean descending = rnd.nextBoolean();
            String where = "reader " + r + (descending ? " descending" : " ascending") + " scan " + Model.describe(range);
            try (IndexCursor c = tree.scan(TreeFixture.TX, range, descending)) {
                byte[] previous = null;
                int limit = 200 + rnd.nextInt(800);
                for (int n = 0; n < limit && c.next(); n++) {
                    byte[] k = c.key();
                    assertTrue(range.contains(k), where + ": key " + Model.hex(k) + " out of range");
                    if (previous != null) {
                        int cmp = Model.UNSIGNED.compare(previous, k);
                        assertTrue(descending ? cmp > 0 : cmp < 0, where + ": " + Model.hex(previous) + " then " + Model.hex(k));
                    }
                    checkValue(k, c.value(), where);
                    previous = k;
                    seen++;
                }
            }
        }
        return seen;
    }

    private void run(boolean interleaved) throws Exception {
        try (TreeFixture f = TreeFixture.create(dir, 64)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong serials = new AtomicLong();
            try {
                List<Future<TreeMap<byte[], byte[]>>> writers = new ArrayList<>();
                List<Future<Long>> readers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    int id = r;
                    readers.add(pool.submit(() -> reader(f.tree, id, interleaved, writing)));
                }
                for (int w = 0; w < 2; w++) {
                    int id = w;
                    writers.add(pool.submit(() -> writer(f.tree, id, interleaved, 42 + id, serials)));
                }
                TreeMap<byte[], byte[]> expected = Model.newModel();
                try {
                    for (Future<TreeMap<byte[], byte[]>> w : writers) {
                        expected.putAll(await(w));
                    }
                } finally {
                    writing.set(false);
                }
                for (Future<Long> r : readers) {
                    assertTrue(await(r) > 0, "the reader saw entries");
                }
                Model.assertEntries(expected.size(), f.verify());
                Model.assertContents(f.tree, TreeFixture.TX, expected);
                Model.assertScan(f.tree, TreeFixture.TX, expected, KeyRange.all(), true, Integer.MAX_VALUE);
                assertTrue(f.metrics.counter("splits").count() > 50 && f.metrics.counter("merges").count() > 10,
                        "structure changes happened under concurrency");
            } finally {
                writing.set(false);
                pool.shutdownNow();
                assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "worker threads stopped");
            }
        }
    }

    /** The result of a worker; a worker stuck for minutes (a latch deadlock) fails the test instead of hanging it. */
    private static <T> T await(Future<T> future) throws Exception {
        try {
            return future.get(180, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("a worker did not finish: deadlock?", e);
        }
    }

    @Test
    void writersOnSeparateRangesWithReadersAcrossBoth() throws Exception {
        run(false);
    }

    @Test
    void writersInterleavedInOneRangeWithReaders() throws Exception {
        run(true);
    }
}
