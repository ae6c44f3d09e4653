package org.neuroquantum.engine.storage.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.neuroquantum.spi.index.Index;
import org.neuroquantum.spi.index.IndexCursor;
import org.neuroquantum.spi.index.IndexTransaction;
import org.neuroquantum.spi.index.KeyRange;

/** The reference model (a {@link TreeMap} in unsigned byte order) and random keys and values for the tests. */
final class Model {
    static final Comparator<byte[]> UNSIGNED = Arrays::compareUnsigned;
    private static final byte[][] PREFIXES = {
        new byte[0],
        fill(40, (byte) 0x00),
        fill(120, (byte) 0xFF),
        "customer/0042/orders/".getBytes(),
        fill(180, (byte) 0x7F),
    };

    private Model() {
    }

    static TreeMap<byte[], byte[]> newModel() {
        return new TreeMap<>(UNSIGNED);
    }

    static byte[] fill(int n, byte b) {
        byte[] a = new byte[n];
        Arrays.fill(a, b);
        return a;
    }

    /** A key of 1 to 200 bytes: mostly short, some sharing long prefixes, all byte values (high bit too). */
    static byte[] randomKey(Random rnd) {
        byte[] prefix = PREFIXES[rnd.nextInt(10) < 6 ? 0 : 1 + rnd.nextInt(PREFIXES.length - 1)];
        int r = rnd.nextInt(100);
        int length = r < 55 ? 1 + rnd.nextInt(16) : r < 85 ? 17 + rnd.nextInt(48) : 65 + rnd.nextInt(136);
        length = Math.max(length, Math.min(200, prefix.length + 1));
        byte[] key = Arrays.copyOf(prefix, length);
        for (int i = Math.min(prefix.length, length); i < length; i++) {
            key[i] = (byte) rnd.nextInt(256);
        }
        return key;
    }

    /** A value of 0 to 3000 bytes: mostly small, some past the overflow threshold (about 1000 bytes). */
    static byte[] randomValue(Random rnd) {
        int r = rnd.nextInt(100);
        int length = r < 60 ? rnd.nextInt(64) : r < 85 ? 64 + rnd.nextInt(936) : 1000 + rnd.nextInt(2001);
        byte[] value = new byte[length];
        rnd.nextBytes(value);
        return value;
    }

    static String hex(byte[] b) {
        return b == null ? "null" : HexFormat.of().formatHex(b);
    }

    /** The model's entries in {@code range}, in the scan's order. */
    static List<Map.Entry<byte[], byte[]>> expected(NavigableMap<byte[], byte[]> model, KeyRange range,
            boolean descending) {
        byte[] low = range.low();
        byte[] high = range.high();
        NavigableMap<byte[], byte[]> view = model;
        if (low != null && high != null) {
            int c = UNSIGNED.compare(low, high);
            if (c > 0 || (c == 0 && !(range.lowInclusive() && range.highInclusive()))) {
                return Collections.emptyList();
            }
            view = model.subMap(low, range.lowInclusive(), high, range.highInclusive());
        } else if (low != null) {
            view = model.tailMap(low, range.lowInclusive());
        } else if (high != null) {
            view = model.headMap(high, range.highInclusive());
        }
        return new ArrayList<>((descending ? view.descendingMap() : view).entrySet());
    }

    /** Scans the index (at most {@code limit} entries) and compares with the model. */
    static void assertScan(Index index, IndexTransaction tx, NavigableMap<byte[], byte[]> model, KeyRange range,
            boolean descending, int limit) {
        List<Map.Entry<byte[], byte[]>> want = expected(model, range, descending);
        String what = (descending ? "descending" : "ascending") + " scan " + describe(range);
        try (IndexCursor c = index.scan(tx, range, descending)) {
            int n = 0;
            for (; n < want.size() && n < limit; n++) {
                assertTrue(c.next(), what + ": ended after " + n + " of " + want.size() + " entries");
                Map.Entry<byte[], byte[]> e = want.get(n);
                assertArrayEquals(e.getKey(), c.key(), what + ": key " + n);
                assertArrayEquals(e.getValue(), c.value(), what + ": value of key " + hex(e.getKey()));
            }
            if (n == want.size()) {
                assertFalse(c.next(), what + ": more than the expected " + want.size() + " entries");
            }
        }
    }

    /** A full ascending scan equals the model. */
    static void assertContents(Index index, IndexTransaction tx, NavigableMap<byte[], byte[]> model) {
        assertScan(index, tx, model, KeyRange.all(), false, Integer.MAX_VALUE);
    }

    static String describe(KeyRange r) {
        return (r.low() == null ? "(-inf" : (r.lowInclusive() ? "[" : "(") + hex(r.low())) + ", "
                + (r.high() == null ? "+inf)" : hex(r.high()) + (r.highInclusive() ? "]" : ")"));
    }

    static void assertEntries(long expected, VerifyReport report) {
        assertEquals(expected, report.entries(), "entries counted by verify: " + report);
    }
}
