package org.neuroquantum.engine.storage.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.spi.config.ConfigDef;
import org.neuroquantum.spi.config.ConfigKey;
import org.neuroquantum.spi.config.ConfigType;
import org.neuroquantum.spi.wal.WriteAheadLog;

class FileWriteAheadLogFactoryTest {
    @TempDir
    Path tmp;

    @Test
    void describesItself() {
        FileWriteAheadLogFactory factory = new FileWriteAheadLogFactory();
        assertEquals("file", factory.name());
        assertEquals(2, factory.formatVersion());
        assertFalse(factory.description().isBlank());
    }

    @Test
    void declaresItsKeys() {
        ConfigDef def = FileWriteAheadLogFactory.configDef();
        ConfigKey segment = def.key("wal.segment-size");
        assertNotNull(segment);
        assertEquals(ConfigType.SIZE, segment.type());
        assertEquals(16L << 20, segment.defaultValue());
        assertEquals(64L * 1024, segment.parseAndValidate("64KB"));
        assertThrows(IllegalArgumentException.class, () -> segment.parseAndValidate("32KB"));
        ConfigKey buffer = def.key("wal.buffer-size");
        assertNotNull(buffer);
        assertEquals(ConfigType.SIZE, buffer.type());
        for (ConfigKey key : def.keys()) {
            assertTrue(key.documentation().length() > 40, key.name());
        }
    }

    @Test
    void opensFromAContext() {
        FileWriteAheadLogFactory factory = new FileWriteAheadLogFactory();
        Path dir = tmp.resolve("wal");
        long lsn;
        try (WriteAheadLog log = factory.open(WalTesting.context(dir, null, Map.of("wal.segment-size", "64KB")))) {
            lsn = log.append(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            log.force(lsn);
        }
        try (WriteAheadLog log = factory.open(WalTesting.context(dir, null, Map.of()))) {
            assertEquals(lsn, log.lastLsn());
            assertEquals(1, WalTesting.readAll(log, 0).size());
        }
    }
}
