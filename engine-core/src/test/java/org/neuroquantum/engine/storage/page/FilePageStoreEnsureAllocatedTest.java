package org.neuroquantum.engine.storage.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FilePageStore#ensureAllocated}, for redo of logged allocations, and the free-list rule for reused pages. */
class FilePageStoreEnsureAllocatedTest {
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

    @Test
    void growsThePageCountPastAnUnknownPage() throws Exception {
        try (FilePageStore store = open()) {
            assertTrue(store.ensureAllocated(4), "beyond the page count");
            assertEquals(5, store.pageCount());
            assertTrue(store.ensureAllocated(2), "allocated now, but never written");
            store.write(4, page(4));
            assertFalse(store.ensureAllocated(4), "allocated and written");
            assertTrue(store.ensureAllocated(3), "a hole before a written page");
            assertEquals(5, store.pageCount());
            assertEquals(5, store.allocate(), "allocation continues after it");
            store.sync();
        }
        try (FilePageStore store = open()) {
            assertEquals(6, store.pageCount());
            assertThrows(IllegalArgumentException.class, () -> store.ensureAllocated(-1));
        }
    }

    @Test
    void takesPagesOffTheFreeListAtHeadMiddleAndTail() throws Exception {
        try (FilePageStore store = open()) {
            for (int i = 0; i < 8; i++) {
                assertEquals(i, store.allocate());
                store.write(i, page(i));
            }
            for (long id : new long[] {1, 3, 5, 7}) {
                store.free(id); // the list is 7 -> 5 -> 3 -> 1
            }
            store.sync();
            assertTrue(store.ensureAllocated(5), "middle");
            assertTrue(store.ensureAllocated(7), "head");
            assertTrue(store.ensureAllocated(1), "tail");
            assertFalse(store.isFree(5));
            assertTrue(store.isFree(3));
            assertEquals(1, store.freePageCount());
            assertFalse(store.ensureAllocated(2), "an allocated, written page stays as it is");
            ByteBuffer b = ByteBuffer.allocate(SIZE);
            store.read(2, b);
            assertArrayEquals(java.util.Arrays.copyOfRange(page(2).array(), 4, SIZE),
                    java.util.Arrays.copyOfRange(b.array(), 4, SIZE), "its content is untouched");
        }
        // ensureAllocated made the header agree with the relinked list: it reopens without a sync of its own.
        try (FilePageStore store = open()) {
            assertEquals(1, store.freePageCount());
            assertTrue(store.isFree(3));
            assertEquals(3, store.allocate());
            assertEquals(8, store.allocate());
        }
    }

    @Test
    void aReusedPageIsWrittenOnlyOnceTheHeaderNoLongerListsItAsFree() throws Exception {
        try (FilePageStore store = open()) {
            for (int i = 0; i < 4; i++) {
                store.allocate();
                store.write(i, page(i));
            }
            store.free(2);
            store.free(1);
            store.sync(); // durable list: 1 -> 2
            assertEquals(1, store.allocate());
            store.write(1, page(11)); // must not leave the durable list pointing at a page that is not free
            // crash: no sync
        }
        try (FilePageStore store = open()) {
            assertEquals(1, store.freePageCount());
            assertTrue(store.isFree(2));
            assertFalse(store.isFree(1));
        }
    }
}
