package org.neuroquantum.bench.kv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuroquantum.bench.storage.Dataset;
import org.neuroquantum.bench.storage.Records;

/**
 * Every adapter through the same checks against a model ({@link TreeMap} with unsigned key order): a random-order
 * batch load of 1,000 records, single puts, updates, deletes, point reads, range scans (contents and order), and
 * the same again after a close and reopen. A broken adapter fails here rather than producing a benchmark score.
 */
class KvEngineContractTest {
    private static final int RECORDS = 1_000;

    static Stream<String> engines() {
        return Engines.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void readsBackWhatItWroteAcrossReopen(String name, @TempDir Path dir) {
        TreeMap<byte[], byte[]> model = new TreeMap<>(java.util.Arrays::compareUnsigned);
        KvEngine kv = Engines.create(name);
        assertEquals(name, kv.name());
        kv.open(dir.resolve("store"), new KvOptions(8L << 20));
        try {
            int[] order = Records.order(RECORDS, true, 7);
            Dataset.load(kv, order);
            for (int n : order) {
                model.put(Records.key(n), Records.value(n, 0));
            }
            // Single puts: new records beyond the loaded range, and updates of loaded ones.
            for (long n = RECORDS; n < RECORDS + 20; n++) {
                kv.put(Records.key(n), Records.value(n, 0));
                model.put(Records.key(n), Records.value(n, 0));
            }
            for (long n = 0; n < RECORDS; n += 37) {
                kv.put(Records.key(n), Records.value(n, 1));
                model.put(Records.key(n), Records.value(n, 1));
            }
            for (long n = 5; n < RECORDS; n += 50) {
                kv.delete(Records.key(n));
                model.remove(Records.key(n));
            }
            kv.delete(Records.key(10 * RECORDS)); // absent: a no-op
            // Far keys whose low byte crosses 0x80 and a carry: lmdbjava's KeyRange once stopped early at 353,280.
            for (long n = 353_270; n < 353_300; n++) {
                kv.put(Records.key(n), Records.value(n, 0));
                model.put(Records.key(n), Records.value(n, 0));
            }
            checkAgainst(model, kv);
            assertTrue(kv.bytesOnDisk() > 0, "bytesOnDisk of an open, loaded store");
            assertFalse(kv.version().isBlank());
            assertFalse(kv.cacheDescription().isBlank());
        } finally {
            kv.close();
        }
        long closedBytes = Directories.size(dir.resolve("store"));
        assertTrue(closedBytes >= Records.rawBytes(RECORDS) / 2, name + " stores " + closedBytes + " bytes");

        KvEngine reopened = Engines.create(name);
        reopened.open(dir.resolve("store"), new KvOptions(8L << 20));
        try {
            checkAgainst(model, reopened);
        } finally {
            reopened.close();
        }
    }

    private static void checkAgainst(TreeMap<byte[], byte[]> model, KvEngine kv) {
        for (long n = 0; n < RECORDS + 30; n++) {
            byte[] expected = model.get(Records.key(n));
            byte[] actual = kv.get(Records.key(n));
            if (expected == null) {
                assertNull(actual, kv.name() + ": record " + n + " should be absent");
            } else {
                assertArrayEquals(expected, actual, kv.name() + ": record " + n);
            }
        }
        // Ranges: inside, across the loaded/put boundary, crossing byte-carry boundaries (127/128, 255/256).
        long[][] ranges = {{0, 10}, {120, 300}, {250, 262}, {990, RECORDS + 25}, {0, RECORDS + 30}, {400, 400},
            {353_275, 353_290}, {353_200, 353_517}, {900, 353_285}};
        for (long[] r : ranges) {
            List<byte[]> keys = new ArrayList<>();
            List<byte[]> values = new ArrayList<>();
            int rows = kv.scan(Records.key(r[0]), Records.key(r[1]), (k, v) -> {
                keys.add(k);
                values.add(v);
            });
            var expected = model.subMap(Records.key(r[0]), true, Records.key(r[1]), false);
            assertEquals(expected.size(), rows, kv.name() + ": rows of [" + r[0] + ", " + r[1] + ")");
            assertEquals(expected.size(), keys.size());
            int i = 0;
            for (var e : expected.entrySet()) {
                assertArrayEquals(e.getKey(), keys.get(i), kv.name() + ": key " + i + " of [" + r[0] + ", " + r[1]);
                assertArrayEquals(e.getValue(), values.get(i), kv.name() + ": value " + i);
                i++;
            }
        }
    }

    @Test
    void unknownEngineIsNamedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Engines.create("oracle"));
        assertTrue(e.getMessage().contains("oracle") && e.getMessage().contains("rocksdb"), e.getMessage());
    }
}
