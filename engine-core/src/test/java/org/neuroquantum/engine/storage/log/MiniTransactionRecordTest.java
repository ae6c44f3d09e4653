package org.neuroquantum.engine.storage.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neuroquantum.engine.storage.log.MiniTransactionRecord.PageChange;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;

class MiniTransactionRecordTest {
    private static MiniTransactionRecord roundTrip(MiniTransactionRecord r) {
        ByteBuffer encoded = r.encode();
        assertEquals(r.encodedSize(), encoded.remaining());
        MiniTransactionRecord back = MiniTransactionRecord.decode(encoded, 77);
        assertEquals(0, encoded.position(), "decode leaves the position alone");
        assertEquals(r, back);
        return back;
    }

    @Test
    void layoutIsByteExact() {
        MiniTransactionRecord r = new MiniTransactionRecord(0x0102030405060708L, 0x1112131415161718L,
                new byte[] {(byte) 0xAA, (byte) 0xBB},
                List.of(PageChange.allocate(5), PageChange.update(5, 0x0203, new byte[] {9, 8, 7}), PageChange.free(6)));
        byte[] expected = {
            1, // type
            8, 7, 6, 5, 4, 3, 2, 1, // transaction id
            0x18, 0x17, 0x16, 0x15, 0x14, 0x13, 0x12, 0x11, // previous LSN
            2, 0, 0, 0, (byte) 0xAA, (byte) 0xBB, // undo
            3, 0, 0, 0, // change count
            2, 5, 0, 0, 0, 0, 0, 0, 0, // ALLOCATE 5
            1, 5, 0, 0, 0, 0, 0, 0, 0, 3, 2, 0, 0, 3, 0, 0, 0, 9, 8, 7, // UPDATE 5 at 0x0203, 3 bytes
            3, 6, 0, 0, 0, 0, 0, 0, 0, // FREE 6
        };
        ByteBuffer encoded = r.encode();
        byte[] actual = new byte[encoded.remaining()];
        encoded.get(actual);
        assertArrayEquals(expected, actual);
        assertEquals(r, MiniTransactionRecord.decode(ByteBuffer.wrap(expected), 1));
    }

    @Test
    void edgeSizesRoundTrip() {
        roundTrip(new MiniTransactionRecord(0, 0, null, List.of()));
        roundTrip(new MiniTransactionRecord(Long.MAX_VALUE, Long.MIN_VALUE, new byte[0], List.of()));
        roundTrip(new MiniTransactionRecord(1, 2, new byte[0], List.of(PageChange.update(0, 0, new byte[0]))));
        byte[] page = new byte[65536 - 16];
        new Random(1).nextBytes(page);
        roundTrip(new MiniTransactionRecord(3, 4, new byte[70000],
                List.of(PageChange.update(Long.MAX_VALUE, 0, page), PageChange.update(1, 65519, new byte[] {1}))));
        assertEquals(1 + 8 + 8 + 4 + 4, new MiniTransactionRecord(0, 0, null, List.of()).encodedSize());
    }

    @Test
    void randomRecordsRoundTrip() {
        Random rnd = new Random(42);
        for (int i = 0; i < 500; i++) {
            List<PageChange> changes = new ArrayList<>();
            int n = rnd.nextInt(20);
            for (int c = 0; c < n; c++) {
                long page = rnd.nextInt(1000);
                switch (rnd.nextInt(3)) {
                    case 0 -> changes.add(PageChange.allocate(page));
                    case 1 -> changes.add(PageChange.free(page));
                    default -> {
                        byte[] b = new byte[rnd.nextInt(300)];
                        rnd.nextBytes(b);
                        changes.add(PageChange.update(page, rnd.nextInt(4080), b));
                    }
                }
            }
            byte[] undo = new byte[rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(200)];
            rnd.nextBytes(undo);
            roundTrip(new MiniTransactionRecord(rnd.nextLong(), rnd.nextLong(), undo, changes));
        }
    }

    @Test
    void damagedPayloadsAreCorruption() {
        MiniTransactionRecord r = new MiniTransactionRecord(5, 6, new byte[] {1, 2, 3},
                List.of(PageChange.update(7, 8, new byte[] {4, 5}), PageChange.free(9)));
        byte[] good = new byte[r.encodedSize()];
        r.encode().get(good);
        for (int len = 0; len < good.length; len++) {
            ByteBuffer truncated = ByteBuffer.wrap(good, 0, len).slice();
            assertCorrupt(truncated);
        }
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
        assertCorrupt(ByteBuffer.wrap(longer));
        byte[] badType = good.clone();
        badType[0] = 2;
        assertCorrupt(ByteBuffer.wrap(badType));
        byte[] badKind = good.clone();
        badKind[1 + 8 + 8 + 4 + 3 + 4] = 9;
        assertCorrupt(ByteBuffer.wrap(badKind));
        byte[] hugeCount = good.clone();
        hugeCount[1 + 8 + 8 + 4 + 3 + 3] = 0x7F;
        assertCorrupt(ByteBuffer.wrap(hugeCount));
        assertEquals(-1, MiniTransactionRecord.typeOf(ByteBuffer.allocate(0)));
        assertEquals(1, MiniTransactionRecord.typeOf(ByteBuffer.wrap(good)));
    }

    private static void assertCorrupt(ByteBuffer payload) {
        StorageException e = assertThrows(StorageException.class, () -> MiniTransactionRecord.decode(payload, 123));
        assertEquals(ErrorCode.STORAGE_CORRUPT, e.errorCode());
    }
}
