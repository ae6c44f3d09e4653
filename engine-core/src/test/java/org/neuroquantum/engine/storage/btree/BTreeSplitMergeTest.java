package org.neuroquantum.engine.storage.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splits and merges at the edges: insertion orders, deleting everything, freed pages, the largest cells. */
class BTreeSplitMergeTest {
    @TempDir
    Path dir;

    private static byte[] intKey(int i) {
        return ByteBuffer.allocate(4).putInt(i).array();
    }

    /** A 160-byte key whose distinguishing bytes come last, so separators are long and inner fan-out is small. */
    private static byte[] longKey(int i) {
        byte[] key = Model.fill(160, (byte) 0xA5);
        ByteBuffer.wrap(key, 156, 4).putInt(i);
        return key;
    }

    private static byte[] value(int i, int length) {
        byte[] v = new byte[length];
        new Random(i).nextBytes(v);
        return v;
    }

    /** Inserts {@code order}, verifies, deletes {@code deleteOrder} verifying as it goes, and checks the empty tree. */
    private void insertThenDeleteAll(List<Integer> order, List<Integer> deleteOrder, boolean longKeys, int valueLength,
            int minHeight) {
        try (TreeFixture f = TreeFixture.create(dir, 32)) {
            long root = f.tree.rootPageId();
            TreeMap<byte[], byte[]> model = Model.newModel();
            for (int i : order) {
                byte[] k = longKeys ? longKey(i) : intKey(i);
                byte[] v = value(i, valueLength);
                model.put(k, v);
                assertNull(f.tree.put(TreeFixture.TX, k, v));
            }
            VerifyReport full = f.verify();
            Model.assertEntries(order.size(), full);
            assertTrue(full.height() >= minHeight, "height " + full.height() + " of " + full);
            assertTrue(full.fillPercent() >= 25, "fill of " + full);
            Model.assertContents(f.tree, TreeFixture.TX, model);
            assertEquals(root, f.tree.rootPageId(), "the root page never moves");

            int n = 0;
            for (int i : deleteOrder) {
                byte[] k = longKeys ? longKey(i) : intKey(i);
                assertArrayEquals(model.remove(k), f.tree.delete(TreeFixture.TX, k));
                if (++n % 1500 == 0) {
                    Model.assertEntries(model.size(), f.verify());
                }
            }
            VerifyReport empty = f.verify();
            assertEquals(new VerifyReport(root, 1, 0, 1, 0, 0, 0.0), empty, "an empty tree is one empty leaf");
            long pagesUsed = full.leafPages() + full.innerPages() + full.overflowPages();
            long pending = f.pages.pendingFrees();
            assertTrue(pending >= pagesUsed - 1, "every page but the root is freed: " + pending + " of " + pagesUsed);

            long freeBefore = f.store.freePageCount();
            f.reopen();
            assertEquals(freeBefore + pending, f.store.freePageCount(), "freed pages reach the page store's free list");
            assertEquals(f.store.pageCount() - 2, f.store.freePageCount(), "all pages but header and root are free");
            assertEquals(empty, f.verify());
            Model.assertContents(f.tree, TreeFixture.TX, model);
            // The empty tree grows again, on reused pages.
            long pageCount = f.store.pageCount();
            for (int i = 0; i < 2000; i++) {
                f.tree.put(TreeFixture.TX, intKey(i), value(i, 30));
            }
            Model.assertEntries(2000, f.verify());
            assertEquals(pageCount, f.store.pageCount(), "new pages come from the free list");
        }
    }

    private static List<Integer> range(int n) {
        List<Integer> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }

    private static List<Integer> reversed(List<Integer> list) {
        List<Integer> r = new ArrayList<>(list);
        Collections.reverse(r);
        return r;
    }

    private static List<Integer> shuffled(List<Integer> list, long seed) {
        List<Integer> r = new ArrayList<>(list);
        Collections.shuffle(r, new Random(seed));
        return r;
    }

    @Test
    void ascendingInsertsThenAscendingDeletes() {
        insertThenDeleteAll(range(20_000), range(20_000), false, 40, 3);
    }

    @Test
    void descendingInsertsThenDescendingDeletes() {
        insertThenDeleteAll(reversed(range(20_000)), reversed(range(20_000)), false, 40, 3);
    }

    @Test
    void randomInsertsThenRandomDeletesWithLongKeys() {
        // Long separators give inner nodes a fan-out of about 20: a deep tree whose inner nodes split and merge.
        insertThenDeleteAll(shuffled(range(12_000), 1), shuffled(range(12_000), 2), true, 20, 4);
    }

    @Test
    void ascendingInsertsThenRandomDeletesWithOverflowValues() {
        insertThenDeleteAll(range(400), shuffled(range(400), 3), false, 10_000, 2);
    }

    @Test
    void deletingThreeKeysInFourKeepsTheTreeFilled() {
        try (TreeFixture f = TreeFixture.create(dir, 32)) {
            TreeMap<byte[], byte[]> model = Model.newModel();
            for (int i = 0; i < 12_000; i++) {
                model.put(longKey(i), value(i, 10));
                f.tree.put(TreeFixture.TX, longKey(i), value(i, 10));
            }
            for (int i = 0; i < 12_000; i++) {
                if (i % 4 != 0) {
                    model.remove(longKey(i));
                    f.tree.delete(TreeFixture.TX, longKey(i));
                }
            }
            Model.assertEntries(3000, f.verify());
            Model.assertContents(f.tree, TreeFixture.TX, model);
            assertTrue(f.metrics.counter("merges").count() > 0 && f.metrics.counter("redistributions").count() > 0,
                    "merges and redistributions happened");
        }
    }

    @Test
    void largestKeysAndInlineValues() {
        try (TreeFixture f = TreeFixture.create(dir, 32)) {
            Geometry g = f.tree.geometry();
            int maxKey = g.maxKeyBytes();
            int maxInline = g.maxCell() - Node.SLOT - Node.LEAF_CELL_HEADER - maxKey;
            Random rnd = new Random(5);
            TreeMap<byte[], byte[]> model = Model.newModel();
            for (int i = 0; i < 600; i++) {
                byte[] k = new byte[rnd.nextBoolean() ? maxKey : 1 + rnd.nextInt(maxKey)];
                rnd.nextBytes(k);
                byte[] v = new byte[switch (i % 3) {
                    case 0 -> maxInline;
                    case 1 -> maxInline + 1;
                    default -> rnd.nextInt(g.maxCell());
                }];
                rnd.nextBytes(v);
                model.put(k, v);
                f.tree.put(TreeFixture.TX, k, v);
            }
            Model.assertEntries(model.size(), f.verify());
            Model.assertContents(f.tree, TreeFixture.TX, model);
            List<byte[]> keys = new ArrayList<>(model.keySet());
            Collections.shuffle(keys, rnd);
            for (int i = 0; i < keys.size(); i++) {
                assertArrayEquals(model.remove(keys.get(i)), f.tree.delete(TreeFixture.TX, keys.get(i)));
                if (i % 50 == 0) {
                    Model.assertEntries(model.size(), f.verify());
                }
            }
            Model.assertEntries(0, f.verify());
        }
    }

    /** Ascending inserts split the rightmost node near its end, so a sequential load leaves nodes nearly full. */
    @Test
    void anAscendingLoadFillsNodesToThreeQuartersOrMore() {
        try (TreeFixture f = TreeFixture.create(dir, 64)) {
            TreeMap<byte[], byte[]> model = Model.newModel();
            for (int i = 0; i < 20_000; i++) {
                byte[] k = intKey(i);
                byte[] v = value(i, 100);
                model.put(k, v);
                assertNull(f.tree.put(TreeFixture.TX, k, v));
            }
            VerifyReport ascending = f.verify();
            Model.assertEntries(20_000, ascending);
            assertTrue(ascending.fillPercent() >= 74, "fill of " + ascending);
            Model.assertContents(f.tree, TreeFixture.TX, model);
            // Inserting into the middle afterwards still splits and verifies.
            for (int i = 0; i < 20_000; i += 7) {
                byte[] k = ByteBuffer.allocate(5).putInt(i).put((byte) 1).array();
                model.put(k, value(i, 30));
                assertNull(f.tree.put(TreeFixture.TX, k, value(i, 30)));
            }
            Model.assertEntries(model.size(), f.verify());
            Model.assertContents(f.tree, TreeFixture.TX, model);
        }
    }
}
