package org.neuroquantum.bench.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The record generator and the zipfian trace the workloads rely on. */
class RecordsTest {

    @Test
    void keysSortInRecordOrderAsUnsignedBytes() {
        for (long n : new long[] {0, 1, 127, 128, 255, 256, 65_535, 999_999, 1_000_000}) {
            byte[] key = Records.key(n);
            assertEquals(Records.KEY_BYTES, key.length);
            assertEquals(n, Records.number(key));
            assertTrue(Arrays.compareUnsigned(key, Records.key(n + 1)) < 0, "key(" + n + ") < key(" + (n + 1) + ")");
        }
    }

    @Test
    void valuesAreDeterministicPerRecordAndVersion() {
        assertEquals(Records.VALUE_BYTES, Records.value(7, 0).length);
        assertArrayEquals(Records.value(7, 0), Records.value(7, 0));
        assertFalse(Arrays.equals(Records.value(7, 0), Records.value(7, 1)));
        assertFalse(Arrays.equals(Records.value(7, 0), Records.value(8, 0)));
        assertEquals(116_000_000L, Records.rawBytes(1_000_000));
    }

    @Test
    void randomOrderIsAPermutationAndSequentialIsAscending() {
        int[] random = Records.order(10_000, true, 1);
        int[] sorted = random.clone();
        Arrays.sort(sorted);
        assertArrayEquals(Records.order(10_000, false, 1), sorted);
        assertFalse(Arrays.equals(sorted, random));
        assertArrayEquals(random, Records.order(10_000, true, 1), "same seed, same order");
    }

    @Test
    void zipfTraceIsSkewedRepeatableAndInRange() {
        int n = 100_000;
        int[] trace = Zipf.trace(n, 1 << 16, 5);
        assertArrayEquals(trace, Zipf.trace(n, 1 << 16, 5));
        int[] counts = new int[n];
        for (int r : trace) {
            assertTrue(r >= 0 && r < n);
            counts[r]++;
        }
        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        long top1000 = 0;
        for (int i = n - 1000; i < n; i++) {
            top1000 += sorted[i];
        }
        // Under s = 0.99 the hottest 1% of 100K records draw about half of the accesses; uniform would give 1%.
        assertTrue(top1000 > trace.length * 0.4, "hottest 1000 records drew " + top1000 + " of " + trace.length);
        assertThrows(IllegalArgumentException.class, () -> Zipf.trace(0, 10, 1));
    }
}
