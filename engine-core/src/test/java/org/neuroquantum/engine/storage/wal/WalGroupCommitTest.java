package org.neuroquantum.engine.storage.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroquantum.engine.storage.wal.WalTesting.SIM_DIR;
import static org.neuroquantum.engine.storage.wal.WalTesting.SMALL_SEGMENT;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.storage.wal.WalTesting.Rec;

/** Group commit: concurrent forces share syncs, and every forced record survives a power loss. */
class WalGroupCommitTest {
    private static final int THREADS = 4;

    @TempDir
    Path tmp;

    @Test
    void concurrentForcersShareSyncsAndEveryForcedRecordSurvives() throws Exception {
        SimulatedDisk disk = new SimulatedDisk();
        Map<Long, byte[]> forced = new ConcurrentHashMap<>();
        AtomicLong forces = new AtomicLong();
        long syncsBefore;
        long barrierSyncs;
        int rounds = 100;
        int freeRunning = 300;
        try (FileWriteAheadLog log = WalTesting.open(disk, SIM_DIR, SMALL_SEGMENT)) {
            syncsBefore = disk.syncs();
            // Phase 1, deterministic: in each round all four threads append, then all four force. The first
            // leader takes the four records in one batch, so a round costs one sync (two when it crosses into a
            // new segment, which is synced after the old one) instead of four.
            CyclicBarrier appended = new CyclicBarrier(THREADS);
            CyclicBarrier done = new CyclicBarrier(THREADS);
            run(t -> {
                Random random = new Random(1000 + t);
                for (int round = 0; round < rounds; round++) {
                    byte[] p = WalTesting.payload(random, 600);
                    long lsn = log.append(ByteBuffer.wrap(p));
                    appended.await();
                    log.force(lsn);
                    forces.incrementAndGet();
                    forced.put(lsn, p);
                    done.await();
                }
            });
            barrierSyncs = disk.syncs() - syncsBefore;
            long barrierForces = forces.get();
            System.out.printf("group commit (barrier rounds): %d forces, %d syncs%n", barrierForces, barrierSyncs);
            assertEquals(THREADS * rounds, barrierForces);
            assertTrue(barrierSyncs < barrierForces, barrierSyncs + " syncs for " + barrierForces + " forces");

            // Phase 2, free-running: each thread appends and forces as fast as it can; a sync takes 200 µs, so
            // forcers pile up behind the leader. How much they share depends on scheduling: only reported.
            disk.setSyncDelayNanos(200_000);
            long before = disk.syncs();
            run(t -> {
                Random random = new Random(2000 + t);
                for (int i = 0; i < freeRunning; i++) {
                    byte[] p = WalTesting.payload(random, 600);
                    long lsn = log.append(ByteBuffer.wrap(p));
                    log.force(lsn);
                    forces.incrementAndGet();
                    forced.put(lsn, p);
                }
            });
            long freeSyncs = disk.syncs() - before;
            System.out.printf("group commit (free-running, 200us sync): %d forces, %d syncs%n",
                    THREADS * freeRunning, freeSyncs);
            assertTrue(freeSyncs <= THREADS * freeRunning);
        }
        long totalSyncs = disk.syncs() - syncsBefore;
        assertTrue(totalSyncs < forces.get(), totalSyncs + " syncs for " + forces.get() + " forces");

        SimulatedDisk after = disk.crash(SimulatedDisk.Crash.POWER_LOSS, new Random(1));
        try (FileWriteAheadLog log = WalTesting.open(after, SIM_DIR, SMALL_SEGMENT)) {
            List<Rec> records = WalTesting.readAll(log, 0);
            Map<Long, byte[]> byLsn = new ConcurrentHashMap<>();
            long previous = 0;
            for (Rec r : records) {
                assertTrue(r.lsn() > previous);
                previous = r.lsn();
                byLsn.put(r.lsn(), r.payload());
            }
            assertEquals(forced.size(), records.size(), "every record was forced, each appears once");
            forced.forEach((lsn, p) -> {
                assertNotNull(byLsn.get(lsn), "forced record " + lsn + " lost");
                assertArrayEquals(p, byLsn.get(lsn));
            });
        }
    }

    @Test
    void realFilesShareSyncsToo() throws Exception {
        CountingIo io = new CountingIo();
        AtomicLong forces = new AtomicLong();
        int perThread = 150;
        Map<Long, byte[]> forced = new ConcurrentHashMap<>();
        try (FileWriteAheadLog log = WalTesting.open(io, tmp, SMALL_SEGMENT)) {
            run(t -> {
                Random random = new Random(3000 + t);
                for (int i = 0; i < perThread; i++) {
                    byte[] p = WalTesting.payload(random, 200);
                    long lsn = log.append(ByteBuffer.wrap(p));
                    log.force(lsn);
                    forces.incrementAndGet();
                    forced.put(lsn, p);
                }
            });
        }
        System.out.printf("group commit (real files, ext4 fsync): %d forces, %d syncs%n", forces.get(),
                io.syncs.get());
        assertTrue(io.syncs.get() <= forces.get());
        try (FileWriteAheadLog log = WalTesting.open(FileWalIo.INSTANCE, tmp, SMALL_SEGMENT)) {
            assertEquals(forced.size(), WalTesting.readAll(log, 0).size());
        }
    }

    private interface Worker {
        void run(int thread) throws Exception;
    }

    private static void run(Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            Future<?>[] futures = new Future<?>[THREADS];
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures[t] = pool.submit(() -> {
                    worker.run(thread);
                    return null;
                });
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The real file system, counting file syncs. */
    private static final class CountingIo implements WalIo {
        final AtomicLong syncs = new AtomicLong();

        @Override
        public WalChannel open(Path file, boolean write, boolean create) throws IOException {
            WalChannel ch = FileWalIo.INSTANCE.open(file, write, create);
            return new WalChannel() {
                @Override
                public long size() throws IOException {
                    return ch.size();
                }

                @Override
                public int read(ByteBuffer dst, long position) throws IOException {
                    return ch.read(dst, position);
                }

                @Override
                public void write(ByteBuffer src, long position) throws IOException {
                    ch.write(src, position);
                }

                @Override
                public void force(boolean metadata) throws IOException {
                    syncs.incrementAndGet();
                    ch.force(metadata);
                }

                @Override
                public void truncate(long size) throws IOException {
                    ch.truncate(size);
                }

                @Override
                public void close() throws IOException {
                    ch.close();
                }
            };
        }

        @Override
        public List<String> list(Path dir) throws IOException {
            return FileWalIo.INSTANCE.list(dir);
        }

        @Override
        public void delete(Path file) throws IOException {
            FileWalIo.INSTANCE.delete(file);
        }

        @Override
        public void createDirectories(Path dir) throws IOException {
            FileWalIo.INSTANCE.createDirectories(dir);
        }

        @Override
        public void syncDirectory(Path dir) throws IOException {
            FileWalIo.INSTANCE.syncDirectory(dir);
        }

        @Override
        public boolean isDiskFull(IOException e, Path dir) {
            return FileWalIo.INSTANCE.isDiskFull(e, dir);
        }
    }
}
