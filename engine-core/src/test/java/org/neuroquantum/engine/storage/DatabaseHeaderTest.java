package org.neuroquantum.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroquantum.spi.ExtensionPoint;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;

class DatabaseHeaderTest {
    private static DatabaseHeader header() {
        Map<String, DatabaseHeader.Stamp> providers = new LinkedHashMap<>();
        providers.put("storage", new DatabaseHeader.Stamp("file", 1));
        providers.put("wal", new DatabaseHeader.Stamp("file", 1));
        return new DatabaseHeader(4096, 1_700_000_000_000L, providers);
    }

    @Test
    void roundTrips() {
        ByteBuffer page = ByteBuffer.allocate(4096);
        header().writeTo(page);
        assertEquals(header(), DatabaseHeader.readFrom(page, "db"));
        assertEquals(DatabaseHeader.PAGE_TYPE, page.get(12));
    }

    @Test
    void anotherProviderIsRefusedNamingTheExpectedOne() {
        StorageException e = assertThrows(StorageException.class,
                () -> header().checkProvider(ExtensionPoint.PAGE_STORAGE, "mmap", v -> true, "db"));
        assertEquals(ErrorCode.STORAGE_FORMAT_MISMATCH, e.errorCode());
        assertTrue(e.getMessage().contains("'file'") && e.getMessage().contains("'mmap'"), e.getMessage());
        assertTrue(e.remedy().contains("page.store=file"), e.remedy());
    }

    @Test
    void anUnreadableFormatVersionIsRefused() {
        StorageException e = assertThrows(StorageException.class,
                () -> header().checkProvider(ExtensionPoint.WAL, "file", v -> v == 2, "db"));
        assertTrue(e.getMessage().contains("format version 1"), e.getMessage());
        header().checkProvider(ExtensionPoint.WAL, "file", v -> v == 1, "db");
    }

    @Test
    void aPageWithoutTheMagicIsNotADatabase() {
        StorageException e = assertThrows(StorageException.class,
                () -> DatabaseHeader.readFrom(ByteBuffer.allocate(4096), "somewhere"));
        assertTrue(e.getMessage().contains("somewhere is not a NeuroQuantumDB database"), e.getMessage());
    }
}
