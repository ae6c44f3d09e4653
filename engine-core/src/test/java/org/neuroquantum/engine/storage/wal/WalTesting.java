package org.neuroquantum.engine.storage.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.neuroquantum.spi.config.Config;
import org.neuroquantum.spi.config.ConfigDef;
import org.neuroquantum.spi.config.ConfigKey;
import org.neuroquantum.spi.metrics.Metrics;
import org.neuroquantum.spi.wal.LogReader;
import org.neuroquantum.spi.wal.SegmentArchiver;
import org.neuroquantum.spi.wal.WriteAheadLog;
import org.neuroquantum.spi.wal.WriteAheadLogContext;

/** Helpers shared by the WAL tests. */
final class WalTesting {
    static final long SMALL_SEGMENT = 64 * 1024;
    static final Path SIM_DIR = Path.of("/sim/wal");

    private WalTesting() {
    }

    /** A record as read back. */
    record Rec(long lsn, byte[] payload) {
    }

    static FileWriteAheadLog open(WalIo io, Path dir, long segmentSize) {
        return open(io, dir, segmentSize, 4L << 20, null);
    }

    static FileWriteAheadLog open(WalIo io, Path dir, long segmentSize, long bufferLimit, SegmentArchiver archiver) {
        return FileWriteAheadLog.open(dir, segmentSize, bufferLimit, archiver, Metrics.detached(), io);
    }

    /** A payload of random bytes, its length drawn from {@code [0, maxLength]}. */
    static byte[] payload(Random random, int maxLength) {
        byte[] b = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(b);
        return b;
    }

    static List<Rec> readAll(WriteAheadLog log, long fromLsn) {
        List<Rec> records = new ArrayList<>();
        try (LogReader reader = log.read(fromLsn)) {
            while (reader.next()) {
                ByteBuffer p = reader.payload();
                byte[] bytes = new byte[p.remaining()];
                p.get(bytes);
                records.add(new Rec(reader.lsn(), bytes));
            }
        }
        return records;
    }

    static void assertRecords(List<Long> lsns, List<byte[]> payloads, List<Rec> actual) {
        assertEquals(lsns.size(), actual.size(), "number of records");
        for (int i = 0; i < actual.size(); i++) {
            assertEquals(lsns.get(i), actual.get(i).lsn(), "LSN of record " + i);
            assertArrayEquals(payloads.get(i), actual.get(i).payload(), "payload of record " + i);
        }
    }

    /** What the kernel would hand the factory: the provider's declared keys, defaults overridden by text values. */
    static WriteAheadLogContext context(Path dir, SegmentArchiver archiver, Map<String, String> settings) {
        ConfigDef def = FileWriteAheadLogFactory.configDef();
        Map<String, Object> values = new HashMap<>();
        for (ConfigKey key : def.keys()) {
            values.put(key.name(), key.defaultValue());
        }
        settings.forEach((name, text) -> values.put(name, def.key(name).parseAndValidate(text)));
        Config config = new Config() {
            @Override
            public Object get(String key) {
                if (!values.containsKey(key)) {
                    throw new IllegalArgumentException("undeclared key " + key);
                }
                return values.get(key);
            }

            @Override
            public boolean isExplicit(String key) {
                return settings.containsKey(key);
            }
        };
        Metrics metrics = Metrics.detached();
        return new WriteAheadLogContext() {
            @Override
            public Path directory() {
                return dir;
            }

            @Override
            public SegmentArchiver archiver() {
                return archiver;
            }

            @Override
            public Config config() {
                return config;
            }

            @Override
            public Metrics metrics() {
                return metrics;
            }
        };
    }
}
