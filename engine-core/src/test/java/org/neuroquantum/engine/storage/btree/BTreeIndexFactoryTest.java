package org.neuroquantum.engine.storage.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.spi.index.IndexCursor;
import org.neuroquantum.spi.index.IndexFactory;
import org.neuroquantum.spi.index.KeyRange;

/** The provider's name, version and limits, and the limits enforced by the index. */
class BTreeIndexFactoryTest {
    @TempDir
    Path dir;

    @Test
    void nameVersionAndLimits() {
        IndexFactory factory = new BTreeIndexFactory();
        assertEquals("btree", factory.name());
        assertEquals(1, factory.formatVersion());
        assertTrue(!factory.description().isBlank());
        assertEquals(993, BTreeIndexFactory.maxKeyBytes(4080), "a quarter of a 4 KB node minus a cell's overhead");
        assertEquals(993 + BTreeIndexFactory.MAX_VALUE_BYTES, factory.maxEntryBytes(4080));
        assertTrue(factory.maxEntryBytes(65520) > factory.maxEntryBytes(4080));
        assertThrows(IllegalArgumentException.class, () -> factory.maxEntryBytes(100));
    }

    @Test
    void keysAndValuesAtAndBeyondTheLimits() {
        try (TreeFixture f = TreeFixture.create(dir, 32)) {
            BTree tree = f.tree;
            byte[] longest = new byte[tree.maxKeyBytes()];
            longest[0] = 1;
            byte[] big = new byte[100_000];
            big[99_999] = 7;
            assertNull(tree.put(TreeFixture.TX, longest, big));
            assertArrayEquals(big, tree.get(TreeFixture.TX, longest));
            IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                    () -> tree.put(TreeFixture.TX, new byte[tree.maxKeyBytes() + 1], new byte[0]));
            assertTrue(tooLong.getMessage().contains("994 bytes") && tooLong.getMessage().contains("993"),
                    tooLong.getMessage());
            assertThrows(IllegalArgumentException.class, () -> tree.get(TreeFixture.TX, new byte[994]));
            assertThrows(IllegalArgumentException.class, () -> tree.delete(TreeFixture.TX, new byte[994]));
            assertThrows(IllegalArgumentException.class,
                    () -> tree.put(TreeFixture.TX, new byte[1], new byte[BTreeIndexFactory.MAX_VALUE_BYTES + 1]));
            assertThrows(NullPointerException.class, () -> tree.put(TreeFixture.TX, null, new byte[1]));
            assertThrows(NullPointerException.class, () -> tree.put(TreeFixture.TX, new byte[1], null));
            Model.assertEntries(1, f.verify());
        }
    }

    @Test
    void emptyKeysAndValuesAndUnsignedOrder() {
        try (TreeFixture f = TreeFixture.create(dir, 32)) {
            BTree tree = f.tree;
            byte[][] keys = {new byte[0], {0}, {0, 0}, {1}, {0x7F}, {(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xFF, 0}};
            for (int i = keys.length - 1; i >= 0; i--) {
                tree.put(TreeFixture.TX, keys[i], new byte[0]);
            }
            assertArrayEquals(new byte[0], tree.get(TreeFixture.TX, new byte[0]));
            List<byte[]> seen = new ArrayList<>();
            try (IndexCursor c = tree.scan(TreeFixture.TX, KeyRange.all(), false)) {
                while (c.next()) {
                    seen.add(c.key());
                    assertEquals(0, c.value().length);
                }
            }
            assertEquals(keys.length, seen.size());
            for (int i = 0; i < keys.length; i++) {
                assertArrayEquals(keys[i], seen.get(i), "unsigned order at " + i);
            }
            assertArrayEquals(new byte[0], tree.delete(TreeFixture.TX, new byte[0]));
            assertNull(tree.delete(TreeFixture.TX, new byte[0]));
            Model.assertEntries(keys.length - 1, f.verify());
        }
    }
}
