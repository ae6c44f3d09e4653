package org.neuroquantum.engine.storage.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroquantum.engine.storage.wal.WalTesting.SIM_DIR;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neuroquantum.engine.storage.wal.SimulatedDisk.Crash;
import org.neuroquantum.engine.storage.wal.WalTesting.Rec;

/**
 * Randomized crashes, one fixed seed per run: append random records with random forces (and some reads and
 * truncations), crash the simulated disk (power loss, process kill, or a power loss that tears the last write
 * at a random byte), reopen, and check that the log is a prefix of what was appended that holds every forced
 * record. Then append again, crash again, and check again: recovery's cut must leave a log that works.
 */
class WalCrashTest {
    private static final int SEEDS = 200;

    /** The model: every record appended, in order, and how many of them are known forced. */
    private static final class Model {
        final List<Long> lsns = new ArrayList<>();
        final List<byte[]> payloads = new ArrayList<>();
        int forced;
        /** Records with an LSN below this may be gone (truncated). */
        long truncatedBefore;
    }

    @Test
    void everyCrashLeavesAPrefixHoldingEveryForcedRecord() {
        Map<Crash, Integer> kinds = new EnumMap<>(Crash.class);
        int cut = 0;
        int inSync = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            long segmentSize = random.nextBoolean() ? 64 * 1024 : 96 * 1024;
            long bufferLimit = random.nextBoolean() ? 64 * 1024 : 4L << 20;
            SimulatedDisk disk = new SimulatedDisk();
            Model model = new Model();
            for (int life = 0; life < 3; life++) {
                try (FileWriteAheadLog log = WalTesting.open(disk, SIM_DIR, segmentSize, bufferLimit, null)) {
                    if (life > 0) {
                        check(seed, life, model, WalTesting.readAll(log, 0));
                    }
                    Crash kind = Crash.values()[random.nextInt(Crash.values().length)];
                    kinds.merge(kind, 1, Integer::sum);
                    boolean duringSync = kind != Crash.PROCESS_KILL && random.nextBoolean();
                    if (duringSync) {
                        // the crash strikes inside a sync: the batch is written, not yet durable
                        disk.crashAtSync(1 + random.nextInt(8), kind, new Random(seed * 7919L + life));
                    }
                    work(log, random, model, disk);
                    SimulatedDisk crashed = disk.crashedAtSync();
                    if (crashed != null) {
                        inSync++;
                        disk = crashed;
                    } else {
                        disk = disk.crash(kind, random);
                    }
                }
                try (FileWriteAheadLog log = WalTesting.open(disk, SIM_DIR, segmentSize, bufferLimit, null)) {
                    List<Rec> records = WalTesting.readAll(log, 0);
                    int survivors = check(seed, life, model, records);
                    if (survivors < model.lsns.size()) {
                        cut++;
                    }
                    // what survived is the truth from now on
                    model.lsns.subList(survivors, model.lsns.size()).clear();
                    model.payloads.subList(survivors, model.payloads.size()).clear();
                    model.forced = survivors;
                    assertEquals(records.isEmpty() ? 0 : records.get(records.size() - 1).lsn(), log.lastLsn());
                    assertEquals(log.lastLsn(), log.durableLsn());
                }
            }
        }
        System.out.printf("crash test: %d seeds x 3 crashes %s, %d of them inside a sync, %d recoveries dropped"
                + " unforced records%n", SEEDS, kinds, inSync, cut);
    }

    private static void work(FileWriteAheadLog log, Random random, Model model, SimulatedDisk disk) {
        int ops = 20 + random.nextInt(300);
        for (int op = 0; op < ops && disk.crashedAtSync() == null; op++) {
            int dice = random.nextInt(100);
            if (dice < 75) {
                int max = random.nextInt(20) == 0 ? 20_000 : 600;
                byte[] p = WalTesting.payload(random, max);
                long lsn = log.append(ByteBuffer.wrap(p));
                if (!model.lsns.isEmpty()) {
                    assertTrue(lsn > model.lsns.get(model.lsns.size() - 1));
                }
                model.lsns.add(lsn);
                model.payloads.add(p);
            } else if (dice < 93) {
                if (!model.lsns.isEmpty()) {
                    int upTo = model.forced + random.nextInt(model.lsns.size() - model.forced + 1);
                    if (upTo > 0) {
                        log.force(model.lsns.get(upTo - 1));
                        if (disk.crashedAtSync() == null) { // a force the crash interrupted never returned
                            model.forced = Math.max(model.forced, upTo);
                        }
                    }
                }
            } else if (dice < 97) {
                List<Rec> seen = WalTesting.readAll(log, 0);
                int from = seen.isEmpty() ? 0 : model.lsns.indexOf(seen.get(0).lsn());
                assertEquals(model.lsns.size() - from, seen.size(), "a reader sees every appended record");
            } else if (model.forced > 0) {
                long before = model.lsns.get(random.nextInt(model.forced));
                log.truncateBefore(before); // deletes only whole segments that are durable
                model.truncatedBefore = Math.max(model.truncatedBefore, before);
            }
        }
    }

    /** Checks the reopened log against the model and returns how many of the model's records it holds. */
    private static int check(int seed, int life, Model model, List<Rec> records) {
        String where = "seed " + seed + ", life " + life + ": ";
        if (records.isEmpty()) {
            // only possible when nothing forced is left, e.g. a crash before the first force
            assertTrue(model.forced == 0 || model.lsns.get(model.forced - 1) < model.truncatedBefore,
                    where + "the log is empty, but " + model.forced + " records were forced");
            return model.forced;
        }
        int start = model.lsns.indexOf(records.get(0).lsn());
        assertTrue(start >= 0, where + "the first record " + records.get(0).lsn() + " was never appended");
        if (start > 0) {
            assertTrue(model.lsns.get(start - 1) < model.truncatedBefore,
                    where + "records before " + model.lsns.get(start) + " are gone but were never truncated");
        }
        for (int i = 0; i < records.size(); i++) {
            assertEquals(model.lsns.get(start + i), records.get(i).lsn(), where + "LSN of record " + (start + i));
            assertArrayEquals(model.payloads.get(start + i), records.get(i).payload(),
                    where + "payload of record " + (start + i));
        }
        int survivors = start + records.size();
        assertTrue(survivors >= model.forced, where + "forced records lost: " + survivors + " of " + model.forced);
        return survivors;
    }
}
