package org.neuroquantum.engine.storage.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroquantum.engine.storage.wal.WalTesting.SMALL_SEGMENT;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.storage.wal.WalTesting.Rec;
import org.neuroquantum.spi.wal.SegmentArchiver;

class WalTruncateTest {
    @TempDir
    Path tmp;

    /** Archived segments: file name, first and last LSN, and the bytes the file held when archived. */
    private record Archived(String name, long first, long last, byte[] bytes) {
    }

    private final List<Long> lsns = new ArrayList<>();
    private final List<byte[]> payloads = new ArrayList<>();

    private void append(FileWriteAheadLog log, int n, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            byte[] p = WalTesting.payload(random, 800);
            payloads.add(p);
            lsns.add(log.append(ByteBuffer.wrap(p)));
        }
        log.force(log.lastLsn());
    }

    private static SegmentArchiver recordingTo(List<Archived> archive) {
        return (segment, first, last) -> archive.add(new Archived(segment.getFileName().toString(), first, last,
                Files.readAllBytes(segment)));
    }

    @Test
    void archivesThenDeletesSegmentsWhoseRecordsAllPrecedeTheLsn() throws IOException {
        List<Archived> archive = new ArrayList<>();
        Path dir = tmp.resolve("wal");
        try (FileWriteAheadLog log = WalTesting.open(FileWalIo.INSTANCE, dir, SMALL_SEGMENT, 4L << 20,
                recordingTo(archive))) {
            append(log, 800, 1);
            List<Path> before = log.segmentFiles();
            assertTrue(before.size() >= 5, "segments: " + before.size());
            long keepFrom = lsns.get(500);
            log.truncateBefore(keepFrom);
            List<Path> after = log.segmentFiles();
            assertTrue(after.size() < before.size());
            assertEquals(before.size() - after.size(), archive.size(), "each deleted segment was archived first");
            for (int i = 0; i < archive.size(); i++) {
                Archived a = archive.get(i);
                assertEquals(before.get(i).getFileName().toString(), a.name(), "oldest first");
                assertEquals(WalFormat.parseFileName(a.name()), a.first());
                assertTrue(a.last() < keepFrom);
                assertTrue(lsns.contains(a.last()));
                assertFalse(Files.exists(before.get(i)));
                // the archived bytes are a complete segment: its last record ends the file
                int lastIndex = lsns.indexOf(a.last());
                assertEquals(a.last() - (a.first() - WalFormat.SEGMENT_HEADER_SIZE) + WalFormat.RECORD_HEADER_SIZE
                        + payloads.get(lastIndex).length, a.bytes().length);
            }
            // the segment holding keepFrom stays, and with it every record from keepFrom on
            long firstKept = WalFormat.parseFileName(after.get(0).getFileName().toString());
            assertTrue(firstKept <= keepFrom);
            int k = lsns.indexOf(firstKept);
            WalTesting.assertRecords(lsns.subList(k, lsns.size()), payloads.subList(k, payloads.size()),
                    WalTesting.readAll(log, 0));
            int archivedBefore = archive.size();
            log.truncateBefore(keepFrom);
            assertEquals(archivedBefore, archive.size(), "nothing offered twice");
        }
        try (FileWriteAheadLog log = WalTesting.open(FileWalIo.INSTANCE, dir, SMALL_SEGMENT)) {
            assertEquals(lsns.get(lsns.size() - 1), log.lastLsn());
            long next = log.append(ByteBuffer.wrap(new byte[] {1}));
            assertTrue(next > lsns.get(lsns.size() - 1));
        }
    }

    @Test
    void neverDeletesTheSegmentBeingAppendedTo() {
        List<Archived> archive = new ArrayList<>();
        Path dir = tmp.resolve("wal");
        try (FileWriteAheadLog log = WalTesting.open(FileWalIo.INSTANCE, dir, SMALL_SEGMENT, 4L << 20,
                recordingTo(archive))) {
            append(log, 400, 2);
            log.truncateBefore(Long.MAX_VALUE);
            assertEquals(1, log.segmentFiles().size());
            List<Rec> left = WalTesting.readAll(log, 0);
            assertFalse(left.isEmpty());
            assertEquals(lsns.get(lsns.size() - 1), left.get(left.size() - 1).lsn());
        }
        try (FileWriteAheadLog log = WalTesting.open(FileWalIo.INSTANCE, dir, SMALL_SEGMENT)) {
            assertEquals(lsns.get(lsns.size() - 1), log.lastLsn(), "the log keeps its position");
        }
    }

    @Test
    void keepsSegmentsWhenTheArchiverFailsAndOffersThemAgain() throws IOException {
        List<Archived> archive = new ArrayList<>();
        int[] failuresLeft = {1};
        int[] failOnCall = {2};
        int[] calls = {0};
        SegmentArchiver flaky = (segment, first, last) -> {
            calls[0]++;
            if (calls[0] == failOnCall[0] && failuresLeft[0]-- > 0) {
                throw new IOException("archive target unreachable");
            }
            archive.add(new Archived(segment.getFileName().toString(), first, last, Files.readAllBytes(segment)));
        };
        Path dir = tmp.resolve("wal");
        try (FileWriteAheadLog log = WalTesting.open(FileWalIo.INSTANCE, dir, SMALL_SEGMENT, 4L << 20, flaky)) {
            append(log, 800, 3);
            List<Path> before = log.segmentFiles();
            long keepFrom = lsns.get(700);
            log.truncateBefore(keepFrom);
            // the first segment went; the second failed to archive, so it and all newer ones stay
            assertEquals(1, archive.size());
            List<Path> after = log.segmentFiles();
            assertEquals(before.subList(1, before.size()), after);
            for (Path p : after) {
                assertTrue(Files.exists(p));
            }
            log.truncateBefore(keepFrom);
            assertTrue(archive.size() > 1);
            assertEquals(before.get(1).getFileName().toString(), archive.get(1).name(), "offered again");
            assertEquals(before.size() - log.segmentFiles().size(), archive.size());
            int k = lsns.indexOf(WalFormat.parseFileName(log.segmentFiles().get(0).getFileName().toString()));
            List<Rec> left = WalTesting.readAll(log, 0);
            assertEquals(lsns.size() - k, left.size());
            assertArrayEquals(payloads.get(payloads.size() - 1), left.get(left.size() - 1).payload());
        }
    }

    @Test
    void withoutAnArchiverSegmentsAreJustDeleted() {
        Path dir = tmp.resolve("wal");
        try (FileWriteAheadLog log = WalTesting.open(FileWalIo.INSTANCE, dir, SMALL_SEGMENT)) {
            append(log, 600, 4);
            int before = log.segmentFiles().size();
            log.truncateBefore(lsns.get(599));
            assertTrue(log.segmentFiles().size() < before);
            assertEquals(lsns.get(599), WalTesting.readAll(log, lsns.get(599)).get(0).lsn());
        }
    }
}
