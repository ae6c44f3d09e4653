package org.neuroquantum.engine.storage.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroquantum.engine.storage.wal.WalTesting.SIM_DIR;
import static org.neuroquantum.engine.storage.wal.WalTesting.SMALL_SEGMENT;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;

/** Injected failures: the device fills up, a sync fails. The log reports them and recovers without loss. */
class WalDiskFullTest {
    private final List<Long> lsns = new ArrayList<>();
    private final List<byte[]> payloads = new ArrayList<>();

    private void append(FileWriteAheadLog log, Random random, int n) {
        for (int i = 0; i < n; i++) {
            byte[] p = WalTesting.payload(random, 900);
            payloads.add(p);
            lsns.add(log.append(ByteBuffer.wrap(p)));
        }
    }

    private void assertSurvivesPowerLoss(SimulatedDisk disk) {
        SimulatedDisk after = disk.crash(SimulatedDisk.Crash.POWER_LOSS, new Random(0));
        try (FileWriteAheadLog log = WalTesting.open(after, SIM_DIR, SMALL_SEGMENT)) {
            WalTesting.assertRecords(lsns, payloads, WalTesting.readAll(log, 0));
        }
    }

    @Test
    void forceFailsWithStorageFullThenSucceedsOnceSpaceReturns() {
        Random random = new Random(1);
        SimulatedDisk disk = new SimulatedDisk();
        try (FileWriteAheadLog log = WalTesting.open(disk, SIM_DIR, SMALL_SEGMENT)) {
            append(log, random, 20);
            log.force(log.lastLsn());
            long durable = log.durableLsn();
            // room for a few hundred bytes more: the next batch is written in part, then the device is full
            disk.setFreeSpace(700);
            append(log, random, 150); // crosses into a second segment
            StorageException e = assertThrows(StorageException.class, () -> log.force(log.lastLsn()));
            assertEquals(ErrorCode.STORAGE_FULL, e.errorCode());
            assertTrue(e.getMessage().contains("No space left"), e.getMessage());
            assertEquals(durable, log.durableLsn(), "nothing new is durable");
            // still usable: appends go on, forces keep failing cleanly while the device is full
            append(log, random, 5);
            assertEquals(ErrorCode.STORAGE_FULL,
                    assertThrows(StorageException.class, () -> log.force(log.lastLsn())).errorCode());
            disk.setFreeSpace(Long.MAX_VALUE);
            log.force(log.lastLsn());
            assertEquals(log.lastLsn(), log.durableLsn());
            WalTesting.assertRecords(lsns, payloads, WalTesting.readAll(log, 0));
        }
        assertSurvivesPowerLoss(disk);
    }

    @Test
    void fullWhileStartingANewSegment() {
        Random random = new Random(2);
        SimulatedDisk disk = new SimulatedDisk();
        try (FileWriteAheadLog log = WalTesting.open(disk, SIM_DIR, SMALL_SEGMENT)) {
            append(log, random, 100);
            log.force(log.lastLsn());
            int segments = log.segmentFiles().size();
            while (log.segmentFiles().size() == segments) {
                append(log, random, 1);
            }
            // the batch fills the old segment, then the new segment's header finds no room
            disk.setFreeSpace(SMALL_SEGMENT * segments);
            long sizeNow = 0;
            for (var f : disk.files()) {
                sizeNow += disk.content(f).length;
            }
            disk.setFreeSpace(SMALL_SEGMENT * segments - sizeNow + 10);
            assertEquals(ErrorCode.STORAGE_FULL,
                    assertThrows(StorageException.class, () -> log.force(log.lastLsn())).errorCode());
            disk.setFreeSpace(Long.MAX_VALUE);
            log.force(log.lastLsn());
            WalTesting.assertRecords(lsns, payloads, WalTesting.readAll(log, 0));
        }
        assertSurvivesPowerLoss(disk);
    }

    @Test
    void appendThatMustFlushAFullBufferFailsWithoutAppending() {
        Random random = new Random(3);
        SimulatedDisk disk = new SimulatedDisk();
        long bufferLimit = 64 * 1024;
        try (FileWriteAheadLog log = WalTesting.open(disk, SIM_DIR, 4 * SMALL_SEGMENT, bufferLimit, null)) {
            disk.setFreeSpace(1000);
            // append until the buffer is over its limit, then the next append has to flush and fails
            StorageException e = null;
            while (e == null) {
                byte[] p = WalTesting.payload(random, 900);
                long lastBefore = log.lastLsn();
                try {
                    lsns.add(log.append(ByteBuffer.wrap(p)));
                    payloads.add(p);
                } catch (StorageException full) {
                    e = full;
                    assertEquals(lastBefore, log.lastLsn(), "the record was not appended");
                }
            }
            assertEquals(ErrorCode.STORAGE_FULL, e.errorCode());
            disk.setFreeSpace(Long.MAX_VALUE);
            append(log, random, 3);
            log.force(log.lastLsn());
            WalTesting.assertRecords(lsns, payloads, WalTesting.readAll(log, 0));
        }
        assertSurvivesPowerLoss(disk);
    }

    @Test
    void failedSyncIsRetriedByWritingAgain() {
        // Linux forgets dirty pages whose write-back failed; a retry that only syncs would persist nothing.
        Random random = new Random(4);
        SimulatedDisk disk = new SimulatedDisk();
        try (FileWriteAheadLog log = WalTesting.open(disk, SIM_DIR, SMALL_SEGMENT)) {
            append(log, random, 30);
            log.force(log.lastLsn());
            append(log, random, 30);
            disk.failNextSyncs(1);
            StorageException e = assertThrows(StorageException.class, () -> log.force(log.lastLsn()));
            assertEquals(ErrorCode.STORAGE_IO, e.errorCode());
            assertTrue(log.durableLsn() < log.lastLsn());
            log.force(log.lastLsn());
        }
        assertSurvivesPowerLoss(disk);
    }
}
