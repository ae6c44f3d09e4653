package org.neuroquantum.engine.storage.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroquantum.engine.storage.wal.WalTesting.SIM_DIR;
import static org.neuroquantum.engine.storage.wal.WalTesting.SMALL_SEGMENT;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.storage.wal.WalTesting.Rec;
import org.neuroquantum.spi.wal.LogReader;

class FileWriteAheadLogTest {
    @TempDir
    Path tmp;

    @Test
    void appendForceReadRoundTripOnRealFiles() {
        Random random = new Random(1);
        List<Long> lsns = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        try (FileWriteAheadLog log = WalTesting.open(FileWalIo.INSTANCE, tmp, 16L << 20)) {
            assertEquals(0, log.lastLsn());
            assertEquals(0, log.durableLsn());
            assertFalse(log.read(0).next());
            for (int i = 0; i < 500; i++) {
                byte[] p = WalTesting.payload(random, 300);
                payloads.add(p);
                lsns.add(log.append(ByteBuffer.wrap(p)));
            }
            assertEquals(lsns.get(0), WalFormat.SEGMENT_HEADER_SIZE, "the first record follows the first header");
            assertEquals(lsns.get(lsns.size() - 1), log.lastLsn());
            assertEquals(0, log.durableLsn(), "append makes nothing durable");
            log.force(log.lastLsn());
            assertEquals(log.lastLsn(), log.durableLsn());
            WalTesting.assertRecords(lsns, payloads, WalTesting.readAll(log, 0));
        }
        try (FileWriteAheadLog log = WalTesting.open(FileWalIo.INSTANCE, tmp, 16L << 20)) {
            WalTesting.assertRecords(lsns, payloads, WalTesting.readAll(log, 0));
            assertEquals(lsns.get(lsns.size() - 1), log.lastLsn());
            assertEquals(log.lastLsn(), log.durableLsn());
        }
    }

    @Test
    void lsnsAreStrictlyIncreasingAndArePositionsInTheStream() {
        Random random = new Random(2);
        try (FileWriteAheadLog log = WalTesting.open(new SimulatedDisk(), SIM_DIR, SMALL_SEGMENT)) {
            long previous = 0;
            long expected = WalFormat.SEGMENT_HEADER_SIZE;
            for (int i = 0; i < 2000; i++) {
                byte[] p = WalTesting.payload(random, 700);
                long lsn = log.append(ByteBuffer.wrap(p));
                assertTrue(lsn > previous, "LSN " + lsn + " after " + previous);
                if (lsn != expected) {
                    // a new segment: its header takes up the 32 bytes before its first record
                    assertEquals(expected + WalFormat.SEGMENT_HEADER_SIZE, lsn);
                }
                expected = lsn + WalFormat.RECORD_HEADER_SIZE + p.length;
                previous = lsn;
            }
        }
    }

    @Test
    void readStartsAtTheFirstRecordAtOrAfterTheLsnAndSeesUnforcedAppends() {
        Random random = new Random(3);
        try (FileWriteAheadLog log = WalTesting.open(new SimulatedDisk(), SIM_DIR, SMALL_SEGMENT)) {
            List<Long> lsns = new ArrayList<>();
            List<byte[]> payloads = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                byte[] p = WalTesting.payload(random, 1000);
                payloads.add(p);
                lsns.add(log.append(ByteBuffer.wrap(p)));
            }
            // nothing forced: read still sees every appended record (they are written, not synced)
            WalTesting.assertRecords(lsns, payloads, WalTesting.readAll(log, 0));
            // (a segment is synced before the next is written, so only the full segments became durable)
            assertTrue(log.durableLsn() < log.lastLsn());
            for (int k : new int[] {0, 1, 150, 299}) {
                List<Rec> exact = WalTesting.readAll(log, lsns.get(k));
                WalTesting.assertRecords(lsns.subList(k, 300), payloads.subList(k, 300), exact);
                List<Rec> between = WalTesting.readAll(log, lsns.get(k) + 1);
                WalTesting.assertRecords(lsns.subList(k + 1, 300), payloads.subList(k + 1, 300), between);
            }
            assertTrue(WalTesting.readAll(log, log.lastLsn() + 1).isEmpty());
            // appends after a read, then force: all there once
            byte[] last = {1, 2, 3};
            lsns.add(log.append(ByteBuffer.wrap(last)));
            payloads.add(last);
            log.force(log.lastLsn());
            WalTesting.assertRecords(lsns, payloads, WalTesting.readAll(log, 0));
        }
    }

    @Test
    void payloadsAreReadOnlyAndAppendLeavesTheCallersBufferAlone() {
        try (FileWriteAheadLog log = WalTesting.open(new SimulatedDisk(), SIM_DIR, SMALL_SEGMENT)) {
            ByteBuffer in = ByteBuffer.wrap(new byte[] {9, 8, 7, 6, 5});
            in.position(1);
            long lsn = log.append(in);
            assertEquals(1, in.position());
            long empty = log.append(ByteBuffer.allocate(0));
            assertTrue(empty > lsn);
            try (LogReader reader = log.read(0)) {
                assertTrue(reader.next());
                assertEquals(lsn, reader.lsn());
                ByteBuffer p = reader.payload();
                assertTrue(p.isReadOnly());
                byte[] bytes = new byte[p.remaining()];
                p.get(bytes);
                assertArrayEquals(new byte[] {8, 7, 6, 5}, bytes);
                assertTrue(reader.next());
                assertEquals(empty, reader.lsn());
                assertEquals(0, reader.payload().remaining());
                assertFalse(reader.next());
                assertThrows(IllegalStateException.class, reader::lsn);
            }
        }
    }

    @Test
    void refusesRecordsLargerThanASegmentAndForcesOfUnknownLsns() {
        try (FileWriteAheadLog log = WalTesting.open(new SimulatedDisk(), SIM_DIR, SMALL_SEGMENT)) {
            long max = SMALL_SEGMENT - WalFormat.SEGMENT_HEADER_SIZE - WalFormat.RECORD_HEADER_SIZE;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> log.append(ByteBuffer.allocate((int) max + 1)));
            assertTrue(e.getMessage().contains("wal.segment-size"), e.getMessage());
            assertEquals(0, log.lastLsn());
            long lsn = log.append(ByteBuffer.allocate((int) max)); // exactly a segment's worth fits
            long next = log.append(ByteBuffer.allocate((int) max));
            assertEquals(lsn + max + WalFormat.RECORD_HEADER_SIZE + WalFormat.SEGMENT_HEADER_SIZE, next);
            assertThrows(IllegalArgumentException.class, () -> log.force(next + 1));
            log.force(next);
            log.force(0);
            log.force(-5);
            assertEquals(2, WalTesting.readAll(log, 0).size());
        }
    }

    @Test
    void closeIsIdempotentDoesNotForceAndEndsUse() {
        SimulatedDisk disk = new SimulatedDisk();
        FileWriteAheadLog log = WalTesting.open(disk, SIM_DIR, SMALL_SEGMENT);
        long forced = log.append(ByteBuffer.wrap(new byte[] {1}));
        log.force(forced);
        log.append(ByteBuffer.wrap(new byte[] {2}));
        long syncs = disk.syncs();
        log.close();
        log.close();
        assertEquals(syncs, disk.syncs(), "close does not sync");
        assertThrows(IllegalStateException.class, () -> log.append(ByteBuffer.allocate(1)));
        assertThrows(IllegalStateException.class, () -> log.read(0));
        try (FileWriteAheadLog again = WalTesting.open(disk, SIM_DIR, SMALL_SEGMENT)) {
            List<Rec> records = WalTesting.readAll(again, 0);
            assertEquals(1, records.size(), "the unforced record was dropped by close");
            assertEquals(forced, records.get(0).lsn());
        }
    }

    @Test
    void rollsOverSegmentsAndReadsAcrossThem() throws Exception {
        Random random = new Random(4);
        List<Long> lsns = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        try (FileWriteAheadLog log = WalTesting.open(FileWalIo.INSTANCE, tmp, SMALL_SEGMENT)) {
            for (int i = 0; i < 3000; i++) {
                byte[] p = WalTesting.payload(random, i % 100 == 0 ? 30_000 : 400);
                payloads.add(p);
                lsns.add(log.append(ByteBuffer.wrap(p)));
                if (random.nextInt(50) == 0) {
                    log.force(log.lastLsn());
                }
            }
            log.force(log.lastLsn());
            WalTesting.assertRecords(lsns, payloads, WalTesting.readAll(log, 0));
            List<Path> segments = log.segmentFiles();
            assertTrue(segments.size() > 10, "segments: " + segments.size());
            for (Path segment : segments) {
                assertTrue(Files.size(segment) <= SMALL_SEGMENT, segment + " is larger than a segment");
            }
        }
        // file names sort like their first LSNs, and name the LSN of the first record in each
        List<Path> files = new ArrayList<>();
        try (var stream = Files.list(tmp)) {
            stream.sorted().forEach(files::add);
        }
        long previous = -1;
        for (Path file : files) {
            long first = WalFormat.parseFileName(file.getFileName().toString());
            assertTrue(first > previous);
            assertTrue(lsns.contains(first), file + " names no record's LSN");
            previous = first;
        }
        try (FileWriteAheadLog log = WalTesting.open(FileWalIo.INSTANCE, tmp, SMALL_SEGMENT)) {
            WalTesting.assertRecords(lsns, payloads, WalTesting.readAll(log, 0));
            int k = 2222;
            WalTesting.assertRecords(lsns.subList(k, lsns.size()), payloads.subList(k, payloads.size()),
                    WalTesting.readAll(log, lsns.get(k)));
            long lsn = log.append(ByteBuffer.wrap(new byte[] {42}));
            assertTrue(lsn > lsns.get(lsns.size() - 1));
        }
    }

    @Test
    void reopeningWithASmallerSegmentSizeKeepsOldSegmentsAndRollsOver() {
        SimulatedDisk disk = new SimulatedDisk();
        List<Long> lsns = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        Random random = new Random(5);
        try (FileWriteAheadLog log = WalTesting.open(disk, SIM_DIR, 4 * SMALL_SEGMENT)) {
            for (int i = 0; i < 200; i++) {
                byte[] p = WalTesting.payload(random, 1000);
                payloads.add(p);
                lsns.add(log.append(ByteBuffer.wrap(p)));
            }
            log.force(log.lastLsn());
        }
        try (FileWriteAheadLog log = WalTesting.open(disk, SIM_DIR, SMALL_SEGMENT)) {
            for (int i = 0; i < 200; i++) {
                byte[] p = WalTesting.payload(random, 1000);
                payloads.add(p);
                lsns.add(log.append(ByteBuffer.wrap(p)));
            }
            log.force(log.lastLsn());
            WalTesting.assertRecords(lsns, payloads, WalTesting.readAll(log, 0));
        }
        try (FileWriteAheadLog log = WalTesting.open(disk, SIM_DIR, SMALL_SEGMENT)) {
            WalTesting.assertRecords(lsns, payloads, WalTesting.readAll(log, 0));
        }
    }
}
