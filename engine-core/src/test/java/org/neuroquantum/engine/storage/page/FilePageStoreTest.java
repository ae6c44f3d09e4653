package org.neuroquantum.engine.storage.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;

class FilePageStoreTest {
    private static final int SIZE = 4096;

    @TempDir
    Path dir;

    private FilePageStore open() throws Exception {
        return FilePageStore.open(new ChannelPageFile(dir.resolve("data.nq"), true), "data.nq", SIZE, false);
    }

    private static ByteBuffer page(long seed) {
        byte[] bytes = new byte[SIZE];
        new Random(seed).nextBytes(bytes);
        return ByteBuffer.wrap(bytes);
    }

    private static byte[] content(FilePageStore store, long id) {
        ByteBuffer b = ByteBuffer.allocate(SIZE);
        store.read(id, b);
        return b.array();
    }

    @Test
    void pagesRoundTripAcrossReopen() throws Exception {
        Map<Long, byte[]> expected = new HashMap<>();
        try (FilePageStore store = open()) {
            for (int i = 0; i < 50; i++) {
                long id = store.allocate();
                assertEquals(i, id);
                ByteBuffer p = page(i);
                store.write(id, p);
                expected.put(id, p.array());
            }
            store.sync();
        }
        try (FilePageStore store = open()) {
            assertEquals(50, store.pageCount());
            for (Map.Entry<Long, byte[]> e : expected.entrySet()) {
                byte[] read = content(store, e.getKey());
                assertArrayEquals(java.util.Arrays.copyOfRange(e.getValue(), 4, SIZE),
                        java.util.Arrays.copyOfRange(read, 4, SIZE), "page " + e.getKey());
            }
        }
    }

    @Test
    void aFlippedByteIsReportedWithFilePageAndBothChecksums() throws Exception {
        try (FilePageStore store = open()) {
            for (int i = 0; i < 3; i++) {
                store.write(store.allocate(), page(i));
            }
            store.sync();
        }
        try (RandomAccessFile raf = new RandomAccessFile(dir.resolve("data.nq").toFile(), "rw")) {
            long offset = FilePageStore.HEADER_REGION + 2L * SIZE + 1000;
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x01);
        }
        try (FilePageStore store = open()) {
            content(store, 1);
            StorageException e = assertThrows(StorageException.class, () -> content(store, 2));
            assertEquals(ErrorCode.STORAGE_CORRUPT, e.errorCode());
            assertTrue(e.getMessage().matches(
                    ".*Page 2 of data\\.nq is corrupt: stored checksum 0x[0-9a-f]{8}, computed 0x[0-9a-f]{8}.*"),
                    e.getMessage());
        }
    }

    @Test
    void aPageWrittenAtTheWrongPlaceFailsItsChecksum() throws Exception {
        FaultyPageFile file = new FaultyPageFile();
        FilePageStore store = FilePageStore.open(file, "mem", SIZE, false);
        long a = store.allocate();
        long b = store.allocate();
        store.write(a, page(1));
        // Copy page a's bytes, checksum included, over page b: a misdirected write.
        ByteBuffer raw = ByteBuffer.allocate(SIZE);
        file.read(raw, FilePageStore.HEADER_REGION + a * SIZE);
        raw.flip();
        try {
            file.write(raw, FilePageStore.HEADER_REGION + b * SIZE);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(ErrorCode.STORAGE_CORRUPT, assertThrows(StorageException.class, () -> content(store, b)).errorCode());
    }

    @Test
    void freedPagesAreReusedAndTheFreeListSurvivesReopen() throws Exception {
        try (FilePageStore store = open()) {
            for (int i = 0; i < 10; i++) {
                store.write(store.allocate(), page(i));
            }
            store.free(3);
            store.free(7);
            assertThrows(IllegalStateException.class, () -> content(store, 3));
            assertThrows(IllegalStateException.class, () -> store.free(3));
            store.sync();
        }
        try (FilePageStore store = open()) {
            assertEquals(2, store.freePageCount());
            assertEquals(7, store.allocate(), "last freed first");
            assertEquals(3, store.allocate());
            assertEquals(10, store.allocate(), "free list exhausted: the file grows");
            store.write(3, page(33));
            store.sync();
        }
        try (FilePageStore store = open()) {
            assertEquals(0, store.freePageCount());
            assertEquals(11, store.pageCount());
        }
    }

    @Test
    void aTornHeaderCopyFallsBackToTheOther() throws Exception {
        try (FilePageStore store = open()) {
            store.write(store.allocate(), page(1));
            store.sync();
            store.write(store.allocate(), page(2));
            store.sync();
        }
        // The newest copy is the one written last; damage it and the previous state (1 page) must come back.
        FilePageStore probe = open();
        long pages = probe.pageCount();
        probe.close();
        assertEquals(2, pages);
        try (RandomAccessFile raf = new RandomAccessFile(dir.resolve("data.nq").toFile(), "rw")) {
            for (long offset : new long[] {0, FilePageStore.HEADER_COPY_OFFSET}) {
                raf.seek(offset + 24);
                long count = Long.reverseBytes(raf.readLong());
                if (count == 2) {
                    raf.seek(offset + 30);
                    raf.write(0x7f);
                }
            }
        }
        try (FilePageStore store = open()) {
            assertEquals(1, store.pageCount());
        }
    }

    @Test
    void bothHeaderCopiesDamagedIsReported() throws Exception {
        open().close();
        try (RandomAccessFile raf = new RandomAccessFile(dir.resolve("data.nq").toFile(), "rw")) {
            raf.seek(1);
            raf.write('X');
            raf.seek(FilePageStore.HEADER_COPY_OFFSET + 1);
            raf.write('X');
        }
        StorageException e = assertThrows(StorageException.class, this::open);
        assertTrue(e.getMessage().contains("Both copies"), e.getMessage());
    }

    @Test
    void anotherFormatVersionIsRefusedNamingBoth() throws Exception {
        FaultyPageFile file = new FaultyPageFile();
        FilePageStore.open(file, "mem", SIZE, false).close();
        ByteBuffer header = ByteBuffer.allocate(FilePageStore.HEADER_BYTES).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        file.read(header, FilePageStore.HEADER_COPY_OFFSET);
        header.putInt(8, 9);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(header.array(), 0, FilePageStore.HEADER_BYTES - 4);
        header.putInt(FilePageStore.HEADER_BYTES - 4, (int) crc.getValue());
        header.position(0);
        file.write(header, FilePageStore.HEADER_COPY_OFFSET);
        StorageException e = assertThrows(StorageException.class, () -> FilePageStore.open(file, "mem", SIZE, false));
        assertEquals(ErrorCode.STORAGE_FORMAT_MISMATCH, e.errorCode());
        assertTrue(e.getMessage().contains("version 9") && e.getMessage().contains("version 1"), e.getMessage());
    }

    @Test
    void aFullDiskFailsCleanlyAndTheStoreWorksOnceSpaceReturns() throws Exception {
        FaultyPageFile file = new FaultyPageFile();
        FilePageStore store = FilePageStore.open(file, "mem", SIZE, false);
        long id = store.allocate();
        file.diskFull = true;
        StorageException e = assertThrows(StorageException.class, () -> store.write(id, page(5)));
        assertEquals(ErrorCode.STORAGE_FULL, e.errorCode());
        file.diskFull = false;
        ByteBuffer p = page(5);
        store.write(id, p);
        store.sync();
        assertArrayEquals(java.util.Arrays.copyOfRange(p.array(), 4, SIZE),
                java.util.Arrays.copyOfRange(content(store, id), 4, SIZE));
    }

    @Test
    void largerPagesAndBadArgumentsAreHandled() throws Exception {
        FilePageStore big = FilePageStore.open(new FaultyPageFile(), "mem", 16384, false);
        assertEquals(16384, big.pageSize());
        assertThrows(IllegalArgumentException.class, () -> FilePageStore.open(new FaultyPageFile(), "mem", 5000, false));
        assertThrows(IllegalArgumentException.class, () -> big.read(0, ByteBuffer.allocate(16384)));
        long id = big.allocate();
        assertThrows(IllegalArgumentException.class, () -> big.write(id, ByteBuffer.allocate(4096)));
        StorageException neverWritten = assertThrows(StorageException.class, () -> big.read(id, ByteBuffer.allocate(16384)));
        assertTrue(neverWritten.getMessage().contains("beyond the end"), neverWritten.getMessage());
        big.close();
        assertThrows(IllegalStateException.class, big::allocate);
    }
}
