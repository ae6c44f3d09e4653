package org.neuroquantum.engine.storage.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;
import org.neuroquantum.spi.index.IndexCursor;
import org.neuroquantum.spi.index.KeyRange;
import org.neuroquantum.spi.index.PageAccess;
import org.neuroquantum.spi.index.PageHandle;

/** {@link BTree#verify} finds deliberate damage and names the page; operations report damage as errors too. */
class BTreeVerifyTest {
    @TempDir
    Path dir;

    private static byte[] key(int i) {
        return ByteBuffer.allocate(6).putShort((short) 0x4B45).putInt(i).array();
    }

    private static TreeFixture filled(Path dir) {
        TreeFixture f = TreeFixture.create(dir, 32);
        Random rnd = new Random(1);
        for (int i = 0; i < 3000; i++) {
            byte[] v = new byte[i % 100 == 0 ? 2500 : 20 + rnd.nextInt(40)];
            rnd.nextBytes(v);
            f.tree.put(TreeFixture.TX, key(i), v);
        }
        Model.assertEntries(3000, f.verify());
        return f;
    }

    /** The second leaf from the left: not the root, with siblings on both sides. */
    private static long secondLeaf(TreeFixture f) {
        try (Node first = f.tree.leafShared(TreeFixture.TX, null, BTree.Route.FIRST)) {
            return first.right();
        }
    }

    private static void rawUpdate(TreeFixture f, long page, Consumer<PageHandle> change) {
        try (PageHandle h = f.pages.pin(TreeFixture.TX, page, PageAccess.Latch.EXCLUSIVE)) {
            change.accept(h);
        }
    }

    /** Reads every entry with an ascending and a descending scan. */
    private static void drain(BTree tree) {
        for (boolean descending : new boolean[] {false, true}) {
            try (IndexCursor c = tree.scan(TreeFixture.TX, KeyRange.all(), descending)) {
                while (c.next()) {
                    c.value();
                }
            }
        }
    }

    private static ByteBuffer le(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static StorageException verifyFails(TreeFixture f, String... fragments) {
        StorageException e = assertThrows(StorageException.class, f::verify);
        assertEquals(ErrorCode.STORAGE_CORRUPT, e.errorCode());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' in: " + e.getMessage());
        }
        return e;
    }

    @Test
    void swappedKeysAreFoundAndThePageNamed() {
        try (TreeFixture f = filled(dir)) {
            long leaf = secondLeaf(f);
            rawUpdate(f, leaf, h -> {
                ByteBuffer c = h.content().order(ByteOrder.LITTLE_ENDIAN);
                short slot0 = c.getShort(Node.HEADER);
                short slot1 = c.getShort(Node.HEADER + 2);
                h.update(Node.HEADER, le(4).putShort(slot1).putShort(slot0).flip());
            });
            verifyFails(f, "page " + leaf + " (leaf): keys out of order at slots 0 and 1");
        }
    }

    @Test
    void swappedSeparatorsAreFound() {
        try (TreeFixture f = filled(dir)) {
            long root = f.tree.rootPageId();
            rawUpdate(f, root, h -> {
                ByteBuffer c = h.content().order(ByteOrder.LITTLE_ENDIAN);
                short slot0 = c.getShort(Node.HEADER);
                short slot1 = c.getShort(Node.HEADER + 2);
                h.update(Node.HEADER, le(4).putShort(slot1).putShort(slot0).flip());
            });
            verifyFails(f, "page " + root + " (inner node): keys out of order", "from the parent's separator");
        }
    }

    @Test
    void brokenSiblingLinksAreFound() {
        try (TreeFixture f = filled(dir)) {
            long leaf = secondLeaf(f);
            rawUpdate(f, leaf, h -> h.update(Node.RIGHT, le(8).putLong(0, 12345L)));
            verifyFails(f, "page " + leaf + " (leaf) has right link 12345 but the next leaf in key order is page");
        }
    }

    @Test
    void underfullNodesAreFound() {
        try (TreeFixture f = filled(dir)) {
            long leaf = secondLeaf(f);
            // Keep one slot: the other cells turn into unaccounted bytes and the leaf falls below the minimum fill.
            rawUpdate(f, leaf, h -> h.update(Node.COUNT, le(2).putShort(0, (short) 1)));
            verifyFails(f, "page " + leaf + " (leaf) holds", "below the minimum fill", "cells take");
        }
    }

    @Test
    void brokenOverflowChainsAreFound() {
        try (TreeFixture f = filled(dir)) {
            long leaf;
            long chain;
            try (Node first = f.tree.leafShared(TreeFixture.TX, key(0), BTree.Route.AT)) {
                int slot = first.search(key(0));
                leaf = first.id;
                chain = first.overflowPage(slot);
            }
            rawUpdate(f, chain, h -> h.update(Overflow.LENGTH, le(4).putInt(0, 100)));
            verifyFails(f, "page " + leaf + " (leaf): the overflow chain of slot 0 from page " + chain);
            StorageException e = assertThrows(StorageException.class, () -> f.tree.get(TreeFixture.TX, key(0)));
            assertTrue(e.getMessage().contains("leaf page " + leaf), e.getMessage());
        }
    }

    @Test
    void unreadablePagesAreNamed() throws IOException {
        try (TreeFixture f = filled(dir)) {
            long leaf = secondLeaf(f);
            f.closeStore();
            try (RandomAccessFile raf = new RandomAccessFile(f.file.toFile(), "rw")) {
                long offset = 4096 + leaf * TreeFixture.PAGE_SIZE + 1000;
                raf.seek(offset);
                int b = raf.read();
                raf.seek(offset);
                raf.write(b ^ 0x40);
            }
            f.openAgain();
            StorageException e = verifyFails(f, "page " + leaf + " cannot be read", "Page " + leaf + " of data.nq is corrupt");
            assertTrue(e.getMessage().contains("checksum"), e.getMessage());
            // Reads that reach the page fail with the page store's error, which names it.
            StorageException read = assertThrows(StorageException.class,
                    () -> drain(f.tree));
            assertTrue(read.getMessage().contains("Page " + leaf), read.getMessage());
        }
    }

    @Test
    void operationsRefuseDamagedAndForeignPages() {
        try (TreeFixture f = filled(dir)) {
            long root = f.tree.rootPageId();
            rawUpdate(f, root, h -> h.update(Node.FORMAT, le(1).put(0, (byte) 2)));
            StorageException format = assertThrows(StorageException.class, () -> f.tree.get(TreeFixture.TX, key(1)));
            assertEquals(ErrorCode.STORAGE_FORMAT_MISMATCH, format.errorCode());
            assertTrue(format.getMessage().contains("page " + root + " has B+ tree format version 2, expected 1"),
                    format.getMessage());
            rawUpdate(f, root, h -> h.update(Node.FORMAT, le(1).put(0, (byte) 1)));

            long leaf = secondLeaf(f);
            rawUpdate(f, leaf, h -> h.update(Node.TYPE, le(1).put(0, (byte) 9)));
            StorageException corrupt = assertThrows(StorageException.class,
                    () -> drain(f.tree));
            assertEquals(ErrorCode.STORAGE_CORRUPT, corrupt.errorCode());
            assertTrue(corrupt.getMessage().contains("page " + leaf + " has node type 9"), corrupt.getMessage());
            verifyFails(f, "page " + leaf + " has node type 9");
        }
    }

    @Test
    void aSoundTreeIsReported() {
        try (TreeFixture f = filled(dir)) {
            VerifyReport r = f.verify();
            assertEquals(f.tree.rootPageId(), r.rootPageId());
            assertTrue(r.height() >= 2 && r.leafPages() > 10 && r.innerPages() >= 1, r.toString());
            assertEquals(30, r.overflowPages(), "one page for each 2500-byte value");
            assertTrue(r.fillPercent() > 25 && r.fillPercent() <= 100, r.toString());
        }
    }
}
