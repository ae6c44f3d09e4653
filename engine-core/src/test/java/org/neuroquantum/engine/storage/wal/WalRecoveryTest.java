package org.neuroquantum.engine.storage.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroquantum.engine.storage.wal.WalTesting.SIM_DIR;
import static org.neuroquantum.engine.storage.wal.WalTesting.SMALL_SEGMENT;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.storage.wal.WalTesting.Rec;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;
import org.neuroquantum.spi.wal.LogReader;

class WalRecoveryTest {
    @TempDir
    Path tmp;

    private final List<Long> lsns = new ArrayList<>();
    private final List<byte[]> payloads = new ArrayList<>();

    /** Writes {@code n} forced records to a log in {@code dir} and closes it. */
    private void writeLog(Path dir, long segmentSize, int n, int maxPayload, long seed) {
        Random random = new Random(seed);
        try (FileWriteAheadLog log = WalTesting.open(FileWalIo.INSTANCE, dir, segmentSize)) {
            for (int i = 0; i < n; i++) {
                byte[] p = WalTesting.payload(random, maxPayload);
                payloads.add(p);
                lsns.add(log.append(ByteBuffer.wrap(p)));
                // Forced one by one, as commits are: each record's durable mark then reaches its predecessor, which
                // is what lets recovery tell damage to durable records from an unsynced tail written out of order.
                log.force(log.lastLsn());
            }
        }
    }

    private static List<Path> segmentFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> WalFormat.parseFileName(p.getFileName().toString()) >= 0).sorted().toList();
        }
    }

    /** The file offset of the record with that LSN inside the segment file. */
    private static long offsetIn(Path segment, long lsn) {
        long first = WalFormat.parseFileName(segment.getFileName().toString());
        return lsn - (first - WalFormat.SEGMENT_HEADER_SIZE);
    }

    private static void patch(Path file, long offset, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(bytes), offset);
        }
    }

    private static void flipByte(Path file, long offset) throws IOException {
        byte[] all = Files.readAllBytes(file);
        patch(file, offset, new byte[] {(byte) (all[(int) offset] ^ 0x20)});
    }

    @Test
    void reopenAfterPowerLossReturnsExactlyTheForcedPrefix() {
        Random random = new Random(10);
        SimulatedDisk disk = new SimulatedDisk();
        int forced;
        try (FileWriteAheadLog log = WalTesting.open(disk, SIM_DIR, SMALL_SEGMENT)) {
            forced = 250;
            for (int i = 0; i < 400; i++) {
                byte[] p = WalTesting.payload(random, 500);
                payloads.add(p);
                lsns.add(log.append(ByteBuffer.wrap(p)));
                if (i == forced - 1) {
                    log.force(lsns.get(i)); // a force makes everything appended so far durable
                }
            }
            // the records appended after the force stay in memory (or unsynced): a power loss takes them
            SimulatedDisk after = disk.crash(SimulatedDisk.Crash.POWER_LOSS, random);
            try (FileWriteAheadLog reopened = WalTesting.open(after, SIM_DIR, SMALL_SEGMENT)) {
                WalTesting.assertRecords(lsns.subList(0, forced), payloads.subList(0, forced),
                        WalTesting.readAll(reopened, 0));
                assertEquals(lsns.get(forced - 1), reopened.lastLsn());
                assertEquals(lsns.get(forced - 1), reopened.durableLsn());
            }
        }
    }

    @Test
    void tornLastRecordIsCutAndAppendsContinueThere() throws IOException {
        for (int seed = 0; seed < 20; seed++) {
            Path dir = tmp.resolve("torn-" + seed);
            lsns.clear();
            payloads.clear();
            writeLog(dir, SMALL_SEGMENT, 100, 300, seed);
            List<Path> segments = segmentFiles(dir);
            Path last = segments.get(segments.size() - 1);
            long lastLsn = lsns.get(lsns.size() - 1);
            long recordStart = offsetIn(last, lastLsn);
            long size = Files.size(last);
            Random random = new Random(seed);
            long cut = recordStart + 1 + random.nextInt((int) (size - recordStart - 1)); // inside the last record
            try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
                ch.truncate(cut);
            }
            try (FileWriteAheadLog log = WalTesting.open(FileWalIo.INSTANCE, dir, SMALL_SEGMENT)) {
                int n = lsns.size() - 1;
                WalTesting.assertRecords(lsns.subList(0, n), payloads.subList(0, n), WalTesting.readAll(log, 0));
                assertEquals(recordStart, Files.size(last), "file cut after the last valid record");
                long lsn = log.append(ByteBuffer.wrap(new byte[] {7, 7, 7}));
                assertEquals(lastLsn, lsn, "the next record takes the cut record's place");
                log.force(lsn);
            }
            try (FileWriteAheadLog log = WalTesting.open(FileWalIo.INSTANCE, dir, SMALL_SEGMENT)) {
                List<Rec> records = WalTesting.readAll(log, 0);
                assertEquals(lsns.size(), records.size());
                assertArrayEquals(new byte[] {7, 7, 7}, records.get(records.size() - 1).payload());
            }
        }
    }

    @Test
    void garbageTailIsCutAndNeverReturned() throws IOException {
        for (int seed = 0; seed < 20; seed++) {
            Path dir = tmp.resolve("garbage-" + seed);
            lsns.clear();
            payloads.clear();
            writeLog(dir, SMALL_SEGMENT, 60, 300, 100 + seed);
            List<Path> segments = segmentFiles(dir);
            Path last = segments.get(segments.size() - 1);
            long size = Files.size(last);
            Random random = new Random(seed);
            byte[] garbage = new byte[1 + random.nextInt(3000)];
            random.nextBytes(garbage);
            boolean overwriteLastRecord = seed % 2 == 1;
            long at = overwriteLastRecord ? offsetIn(last, lsns.get(lsns.size() - 1)) + 3 : size;
            patch(last, at, garbage);
            try (FileWriteAheadLog log = WalTesting.open(FileWalIo.INSTANCE, dir, SMALL_SEGMENT)) {
                int n = overwriteLastRecord ? lsns.size() - 1 : lsns.size();
                WalTesting.assertRecords(lsns.subList(0, n), payloads.subList(0, n), WalTesting.readAll(log, 0));
                log.force(log.append(ByteBuffer.wrap(new byte[] {1})));
                assertEquals(n + 1, WalTesting.readAll(log, 0).size());
            }
        }
    }

    @Test
    void flippedByteFollowedByValidRecordsRefusesToOpen() throws IOException {
        for (int seed = 0; seed < 8; seed++) {
            Path dir = tmp.resolve("flip-" + seed);
            lsns.clear();
            payloads.clear();
            writeLog(dir, 16L << 20, 40, 200, 200 + seed);
            Path segment = segmentFiles(dir).get(0);
            Random random = new Random(seed);
            int victim = random.nextInt(lsns.size() - 1); // any record but the last
            long start = offsetIn(segment, lsns.get(victim));
            long length = WalFormat.RECORD_HEADER_SIZE + payloads.get(victim).length;
            long offset = start + random.nextInt((int) length);
            flipByte(segment, offset);
            long sizeBefore = Files.size(segment);
            StorageException e = assertThrows(StorageException.class,
                    () -> WalTesting.open(FileWalIo.INSTANCE, dir, 16L << 20));
            assertEquals(ErrorCode.STORAGE_CORRUPT, e.errorCode());
            assertTrue(e.getMessage().contains(segment.getFileName().toString()), e.getMessage());
            assertTrue(e.getMessage().contains("offset " + start), e.getMessage());
            assertTrue(e.getMessage().contains("LSN " + lsns.get(victim)), e.getMessage());
            assertEquals(sizeBefore, Files.size(segment), "a refused log is left as it was");
        }
    }

    @Test
    void damageInAnOlderSegmentRefusesToOpenEvenAtItsEnd() throws IOException {
        writeLog(tmp, SMALL_SEGMENT, 1500, 400, 7);
        List<Path> segments = segmentFiles(tmp);
        assertTrue(segments.size() >= 3);
        Path older = segments.get(1);
        long firstOfNext = WalFormat.parseFileName(segments.get(2).getFileName().toString());
        int lastInOlder = lsns.indexOf(lsns.stream().filter(l -> l < firstOfNext).max(Long::compare).get());
        long at = offsetIn(older, lsns.get(lastInOlder)) + WalFormat.RECORD_HEADER_SIZE;
        flipByte(older, payloads.get(lastInOlder).length == 0 ? at - 1 : at);
        StorageException e = assertThrows(StorageException.class,
                () -> WalTesting.open(FileWalIo.INSTANCE, tmp, SMALL_SEGMENT));
        assertEquals(ErrorCode.STORAGE_CORRUPT, e.errorCode());
        assertTrue(e.getMessage().contains(older.getFileName().toString()), e.getMessage());
    }

    @Test
    void aMissingSegmentRefusesToOpen() throws IOException {
        writeLog(tmp, SMALL_SEGMENT, 1500, 400, 8);
        List<Path> segments = segmentFiles(tmp);
        Files.delete(segments.get(2));
        StorageException e = assertThrows(StorageException.class,
                () -> WalTesting.open(FileWalIo.INSTANCE, tmp, SMALL_SEGMENT));
        assertEquals(ErrorCode.STORAGE_CORRUPT, e.errorCode());
        assertTrue(e.getMessage().contains(segments.get(2).getFileName().toString()), e.getMessage());
    }

    @Test
    void tornHeaderOfTheNewestSegmentIsWrittenAgainAndLsnsContinue() throws IOException {
        writeLog(tmp, SMALL_SEGMENT, 1500, 400, 9);
        List<Path> segments = segmentFiles(tmp);
        Path newest = segments.get(segments.size() - 1);
        long first = WalFormat.parseFileName(newest.getFileName().toString());
        // as if the crash came right after the new segment's file was created: only a few header bytes made it
        try (FileChannel ch = FileChannel.open(newest, StandardOpenOption.WRITE)) {
            ch.truncate(11);
        }
        int kept = (int) lsns.stream().filter(l -> l < first).count();
        try (FileWriteAheadLog log = WalTesting.open(FileWalIo.INSTANCE, tmp, SMALL_SEGMENT)) {
            WalTesting.assertRecords(lsns.subList(0, kept), payloads.subList(0, kept), WalTesting.readAll(log, 0));
            assertEquals(lsns.get(kept - 1), log.lastLsn());
            long lsn = log.append(ByteBuffer.wrap(new byte[] {5}));
            assertEquals(first, lsn, "LSNs continue where the segment's name says");
            log.force(lsn);
        }
        try (FileWriteAheadLog log = WalTesting.open(FileWalIo.INSTANCE, tmp, SMALL_SEGMENT)) {
            assertEquals(kept + 1, WalTesting.readAll(log, 0).size());
        }
    }

    @Test
    void damagedHeaderWithValidRecordsAfterItRefusesToOpen() throws IOException {
        writeLog(tmp, SMALL_SEGMENT, 50, 100, 11);
        Path only = segmentFiles(tmp).get(0);
        flipByte(only, 3);
        StorageException e = assertThrows(StorageException.class,
                () -> WalTesting.open(FileWalIo.INSTANCE, tmp, SMALL_SEGMENT));
        assertEquals(ErrorCode.STORAGE_CORRUPT, e.errorCode());
        assertTrue(e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void anotherFormatVersionIsAFormatMismatch() throws IOException {
        writeLog(tmp, SMALL_SEGMENT, 5, 100, 12);
        Path only = segmentFiles(tmp).get(0);
        byte[] header = new byte[WalFormat.SEGMENT_HEADER_SIZE];
        WalFormat.writeSegmentHeader(header, 0, WalFormat.parseFileName(only.getFileName().toString()));
        header[11] = 9; // version 9, checksum made right again
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(header, 0, 28);
        WalFormat.putInt(header, 28, (int) crc.getValue());
        patch(only, 0, header);
        StorageException e = assertThrows(StorageException.class,
                () -> WalTesting.open(FileWalIo.INSTANCE, tmp, SMALL_SEGMENT));
        assertEquals(ErrorCode.STORAGE_FORMAT_MISMATCH, e.errorCode());
        assertTrue(e.getMessage().contains("format version 9"), e.getMessage());
    }

    @Test
    void damageAfterOpenIsReportedByTheReader() throws IOException {
        writeLog(tmp, 16L << 20, 30, 100, 13);
        try (FileWriteAheadLog log = WalTesting.open(FileWalIo.INSTANCE, tmp, 16L << 20)) {
            Path only = segmentFiles(tmp).get(0);
            flipByte(only, offsetIn(only, lsns.get(10)) + 5);
            try (LogReader reader = log.read(0)) {
                StorageException e = assertThrows(StorageException.class, () -> {
                    while (reader.next()) {
                        reader.payload();
                    }
                });
                assertEquals(ErrorCode.STORAGE_CORRUPT, e.errorCode());
                assertTrue(e.getMessage().contains("LSN " + lsns.get(10)), e.getMessage());
            }
        }
    }

    @Test
    void unknownFilesInTheDirectoryAreIgnored() throws IOException {
        writeLog(tmp, SMALL_SEGMENT, 5, 100, 14);
        Files.writeString(tmp.resolve("README.txt"), "not a segment");
        Files.writeString(tmp.resolve("wal-XYZ.log"), "not a segment either");
        try (FileWriteAheadLog log = WalTesting.open(FileWalIo.INSTANCE, tmp, SMALL_SEGMENT)) {
            assertEquals(5, WalTesting.readAll(log, 0).size());
        }
    }

    @Test
    void theSimulatedDiskModelsWhatTheTestsRelyOn() {
        SimulatedDisk disk = new SimulatedDisk();
        try (FileWriteAheadLog log = WalTesting.open(disk, SIM_DIR, SMALL_SEGMENT)) {
            log.force(log.append(ByteBuffer.wrap(new byte[] {1})));
            log.append(ByteBuffer.wrap(new byte[] {2}));
            log.read(0).close(); // writes the second record without syncing it
            Path file = disk.files().get(0);
            int written = disk.content(file).length;
            assertEquals(written, disk.crash(SimulatedDisk.Crash.PROCESS_KILL, new Random(1)).content(file).length);
            byte[] afterPowerLoss = disk.crash(SimulatedDisk.Crash.POWER_LOSS, new Random(1)).content(file);
            assertEquals(WalFormat.SEGMENT_HEADER_SIZE + WalFormat.RECORD_HEADER_SIZE + 1, afterPowerLoss.length);
            assertArrayEquals(Arrays.copyOf(disk.content(file), afterPowerLoss.length), afterPowerLoss);
        }
    }
}
