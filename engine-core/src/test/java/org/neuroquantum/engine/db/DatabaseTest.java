package org.neuroquantum.engine.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.engine.storage.buffer.BufferPool;
import org.neuroquantum.engine.storage.buffer.PageLayout;
import org.neuroquantum.engine.storage.buffer.PageRef;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;

class DatabaseTest {
    @TempDir
    Path dir;

    private static RawConfig config(String... assignments) {
        RawConfig raw = RawConfig.empty().set("eviction.policy", "test-fifo", "test")
                .set("buffer.pool.size", "64KB", "test");
        for (String a : assignments) {
            raw.addOverride(a);
        }
        return raw;
    }

    @Test
    void aNewDatabaseRecordsItsProvidersAndReopens() throws Exception {
        long pageId;
        try (Database db = Database.open(dir, config("page.size=8KB"))) {
            assertEquals(8192, db.header().pageSize());
            assertEquals("file", db.header().providers().get("storage").name());
            assertEquals("file", db.header().providers().get("wal").name());
            try (PageRef page = db.bufferPool().allocate()) {
                pageId = page.pageId();
                page.buffer().putLong(PageLayout.HEADER_BYTES, 4242L);
                page.markDirty(0);
            }
        }
        assertTrue(Files.exists(dir.resolve(Database.MARKER)));
        try (Database db = Database.open(dir, config("page.size=4KB"))) {
            assertEquals(8192, db.bufferPool().pageSize(), "an existing database keeps its page size");
            try (PageRef page = db.bufferPool().pin(pageId, BufferPool.Latch.SHARED)) {
                assertEquals(4242L, page.buffer().getLong(PageLayout.HEADER_BYTES));
            }
        }
    }

    @Test
    void anotherPageStoreIsRefusedBeforeAnyFileIsTouched() throws Exception {
        Database.open(dir, config()).close();
        Path marker = dir.resolve(Database.MARKER);
        Files.writeString(marker, Files.readString(marker).replace("storage.provider=file", "storage.provider=mmap"));
        byte[] before = Files.readAllBytes(dir.resolve("data.nq"));
        StorageException e = assertThrows(StorageException.class, () -> Database.open(dir, config()));
        assertEquals(ErrorCode.STORAGE_FORMAT_MISMATCH, e.errorCode());
        assertTrue(e.getMessage().contains("'mmap'") && e.getMessage().contains("page.store=mmap"), e.getMessage());
        assertEquals(before.length, Files.readAllBytes(dir.resolve("data.nq")).length);
    }

    @Test
    void aDatabaseIsOpenedByOneUserAtATime() {
        try (Database db = Database.open(dir, config())) {
            StorageException e = assertThrows(StorageException.class, () -> Database.open(dir, config()));
            assertTrue(e.getMessage().contains("is open"), e.getMessage());
        }
        Database.open(dir, config()).close();
    }

    @Test
    void aDirectoryThatIsNotADatabaseIsNamed() throws Exception {
        Database.open(dir, config()).close();
        Files.writeString(dir.resolve(Database.MARKER), "nonsense");
        StorageException e = assertThrows(StorageException.class, () -> Database.open(dir, config()));
        assertEquals(ErrorCode.STORAGE_CORRUPT, e.errorCode());
        assertTrue(e.getMessage().contains(Database.MARKER), e.getMessage());
    }
}
