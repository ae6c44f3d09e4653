package org.neuroquantum.engine.storage.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.spi.index.IndexCursor;
import org.neuroquantum.spi.index.KeyRange;

/** Range scans: every combination of bounds (present, absent, open), both directions, against the model. */
class BTreeScanTest {
    /** Keys straddle 0x80000000, so signed byte order would put the upper half first. */
    private static final int BASE = 0x7FFFF000;
    private static final int N = 4000;

    @TempDir
    Path dir;

    /** Key {@code i} of the filled tree: the even numbers from BASE, so odd numbers fall between keys. */
    private static byte[] key(long n) {
        return ByteBuffer.allocate(4).putInt((int) n).array();
    }

    private static TreeMap<byte[], byte[]> fill(BTree tree) {
        TreeMap<byte[], byte[]> model = Model.newModel();
        Random rnd = new Random(7);
        for (int i = 0; i < N; i++) {
            byte[] k = key(BASE + 2L * i);
            byte[] v = new byte[i % 50 == 0 ? 1500 + rnd.nextInt(3000) : rnd.nextInt(40)];
            rnd.nextBytes(v);
            model.put(k, v);
            tree.put(TreeFixture.TX, k, v);
        }
        return model;
    }

    /** A bound: an existing key, a key between two, one beyond either end, or none. */
    private static byte[] bound(Random rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> null;
            case 1 -> key(BASE - 1 - rnd.nextInt(100));
            case 2 -> key(BASE + 2L * N + rnd.nextInt(100));
            case 3 -> key(BASE + 2L * rnd.nextInt(N) + 1);
            default -> key(BASE + 2L * rnd.nextInt(N));
        };
    }

    @Test
    void everyBoundCombinationInBothDirections() {
        try (TreeFixture f = TreeFixture.create(dir, 32)) {
            TreeMap<byte[], byte[]> model = fill(f.tree);
            assertTrue(f.verify().leafPages() > 20, "the keys span many leaves");
            Random rnd = new Random(11);
            for (int r = 0; r < 60; r++) {
                byte[] low = bound(rnd);
                byte[] high = bound(rnd);
                for (int combination = 0; combination < 8; combination++) {
                    KeyRange range = new KeyRange(low, (combination & 1) != 0, high, (combination & 2) != 0);
                    Model.assertScan(f.tree, TreeFixture.TX, model, range, (combination & 4) != 0, Integer.MAX_VALUE);
                }
            }
        }
    }

    @Test
    void edgeRanges() {
        try (TreeFixture f = TreeFixture.create(dir, 32)) {
            for (boolean descending : new boolean[] {false, true}) {
                Model.assertScan(f.tree, TreeFixture.TX, Model.newModel(), KeyRange.all(), descending, Integer.MAX_VALUE);
            }
            TreeMap<byte[], byte[]> model = fill(f.tree);
            byte[] first = key(BASE);
            byte[] last = key(BASE + 2L * (N - 1));
            byte[] middle = key(BASE + 2L * (N / 2));
            byte[] between = key(BASE + 2L * (N / 2) + 1);
            List<KeyRange> ranges = List.of(
                    new KeyRange(middle, true, middle, true),        // exactly one
                    new KeyRange(middle, false, middle, true),       // empty
                    new KeyRange(middle, true, middle, false),       // empty
                    new KeyRange(between, true, between, true),      // absent key
                    new KeyRange(last, true, first, true),           // low above high
                    new KeyRange(first, true, null, false),          // everything
                    new KeyRange(null, false, last, true),           // everything
                    new KeyRange(first, false, last, false),         // all but the ends
                    new KeyRange(last, false, null, true),           // nothing above the last key
                    new KeyRange(null, true, first, false),          // nothing below the first key
                    new KeyRange(new byte[0], true, new byte[] {(byte) 0xFF}, true),
                    new KeyRange(new byte[] {0x7F}, true, new byte[] {(byte) 0x80}, false), // the lower half only
                    new KeyRange(new byte[] {(byte) 0x80}, true, null, true),                // the upper half only
                    KeyRange.halfOpen(middle, key(BASE + 2L * (N / 2) + 2 * 300)));
            for (KeyRange range : ranges) {
                for (boolean descending : new boolean[] {false, true}) {
                    Model.assertScan(f.tree, TreeFixture.TX, model, range, descending, Integer.MAX_VALUE);
                }
            }
            assertEquals(1, Model.expected(model, ranges.get(0), false).size());
            assertTrue(Model.expected(model, ranges.get(11), false).size() > 0);
            assertTrue(Model.expected(model, ranges.get(12), false).size() > 0);
        }
    }

    @Test
    void cursorContract() {
        try (TreeFixture f = TreeFixture.create(dir, 32)) {
            fill(f.tree);
            IndexCursor c = f.tree.scan(TreeFixture.TX, KeyRange.halfOpen(key(BASE), key(BASE + 6)), false);
            assertThrows(NoSuchElementException.class, c::key);
            assertTrue(c.next());
            byte[] k = c.key();
            k[0] ^= 0x55;
            assertArrayEquals(key(BASE), c.key(), "key() hands out copies");
            assertTrue(c.next());
            assertTrue(c.next());
            assertFalse(c.next());
            assertFalse(c.next(), "stays exhausted");
            assertThrows(NoSuchElementException.class, c::value);
            c.close();
            assertThrows(IllegalStateException.class, c::next);
            c.close();
        }
    }

    @Test
    void theCallerMayChangeTheTreeWhileScanning() {
        try (TreeFixture f = TreeFixture.create(dir, 32)) {
            TreeMap<byte[], byte[]> model = fill(f.tree);
            for (boolean descending : new boolean[] {false, true}) {
                // Delete every entry as it is returned and insert new keys between the remaining ones.
                List<byte[]> seen = new ArrayList<>();
                try (IndexCursor c = f.tree.scan(TreeFixture.TX, KeyRange.all(), descending)) {
                    int n = 0;
                    while (c.next()) {
                        byte[] k = c.key();
                        seen.add(k);
                        assertArrayEquals(model.remove(k), f.tree.delete(TreeFixture.TX, k));
                        if (n++ % 3 == 0) {
                            byte[] fresh = ByteBuffer.allocate(5).putInt(ByteBuffer.wrap(k).getInt()).put((byte) 1).array();
                            model.put(fresh, new byte[] {1, 2, 3});
                            f.tree.put(TreeFixture.TX, fresh, new byte[] {1, 2, 3});
                        }
                    }
                }
                for (int i = 1; i < seen.size(); i++) {
                    int c = Model.UNSIGNED.compare(seen.get(i - 1), seen.get(i));
                    assertTrue(descending ? c > 0 : c < 0, "keys strictly in scan order at " + i);
                }
                f.verify();
                Model.assertContents(f.tree, TreeFixture.TX, model);
            }
            // The 4-byte keys present from the start were all returned (and deleted): only inserted 5-byte keys remain.
            assertTrue(model.keySet().stream().allMatch(k -> k.length == 5));
        }
    }
}
