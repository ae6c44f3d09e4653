package org.neuroquantum.engine.txn.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neuroquantum.spi.error.NeuroQuantumException;

/**
 * Random transactions on a few hot keys: 4 threads run 2000 transactions over 20 keys, each locking 1 to 4
 * random keys in random modes (repeats are upgrades), retrying after being a deadlock victim or timing out.
 * Checked: no two transactions ever hold incompatible modes on a key (an independent model of the holders,
 * updated while the locks are held); no deadlock is ever left undetected and no wake-up lost (an auditor
 * inspects the lock table and its waits-for graph while the transactions run); every transaction completes; the lock table ends empty and the metrics
 * agree with what the transactions saw.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LockStressTest {
    private static final int THREADS = 4;
    private static final int TRANSACTIONS = 2000;
    private static final int KEYS = 20;
    private static final LockMode[] MODES = {LockMode.IS, LockMode.IX, LockMode.S, LockMode.S, LockMode.SIX,
        LockMode.X, LockMode.X};

    /** Who holds a key in which mode, as the transactions report it while they hold the lock. */
    private static final class ModelKey {
        private final Map<Long, LockMode> holders = new HashMap<>();

        synchronized void enter(long txn, LockMode mode, List<String> violations, LockKey key) {
            for (Map.Entry<Long, LockMode> h : holders.entrySet()) {
                if (h.getKey() != txn && !h.getValue().isCompatibleWith(mode)) {
                    violations.add("transaction " + txn + " got " + mode + " on " + key + " while transaction "
                            + h.getKey() + " holds " + h.getValue());
                }
            }
            holders.put(txn, mode);
            long x = holders.values().stream().filter(m -> m == LockMode.X).count();
            long s = holders.values().stream().filter(m -> m == LockMode.S).count();
            if (x > 1 || (x == 1 && s > 0)) {
                violations.add(key + " held by " + holders);
            }
        }

        synchronized void exit(long txn) {
            holders.remove(txn);
        }

        synchronized boolean isEmpty() {
            return holders.isEmpty();
        }
    }

    @ParameterizedTest(name = "seed {0}, {1} shards")
    @CsvSource({"1, 64", "2, 64", "3, 1", "4, 4"})
    void randomTransactionsKeepMutualExclusionAndAllComplete(long seed, int shards) throws Exception {
        RecordingMetrics metrics = new RecordingMetrics();
        // Waits last microseconds; the timeout is only a safety net (a missed deadlock is caught by the auditor).
        LockManager locks = new LockManager(Duration.ofSeconds(2), metrics.scoped(LockManager.METRICS_SCOPE), shards);
        LockKey[] keys = new LockKey[KEYS];
        ModelKey[] model = new ModelKey[KEYS];
        keys[0] = LockKey.relation(1);
        for (int i = 1; i < KEYS; i++) {
            keys[i] = LockKey.key(1, new byte[] {(byte) i});
        }
        for (int i = 0; i < KEYS; i++) {
            model[i] = new ModelKey();
        }
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        AtomicLong ids = new AtomicLong();
        AtomicLong starts = new AtomicLong();
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger victims = new AtomicInteger();
        AtomicInteger timeouts = new AtomicInteger();
        AtomicInteger maxAttempts = new AtomicInteger();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger audits = new AtomicInteger();
        Thread auditor = new Thread(() -> {
            while (running.get()) {
                String broken = locks.auditInvariants();
                if (broken != null) {
                    violations.add(broken);
                }
                audits.incrementAndGet();
                LockSupport.parkNanos(200_000);
            }
        }, "lock-auditor");
        auditor.setDaemon(true);
        auditor.start();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(seed * 1_000 + t);
                threads.add(pool.submit(() -> {
                    for (int i = 0; i < TRANSACTIONS / THREADS; i++) {
                        int n = 1 + random.nextInt(4);
                        int[] planKeys = new int[n];
                        LockMode[] planModes = new LockMode[n];
                        for (int j = 0; j < n; j++) {
                            planKeys[j] = random.nextInt(KEYS);
                            planModes[j] = MODES[random.nextInt(MODES.length)];
                        }
                        // A retried transaction keeps its start order: it ages, so it is not the victim forever.
                        long start = starts.incrementAndGet();
                        for (int attempt = 1; ; attempt++) {
                            maxAttempts.accumulateAndGet(attempt, Math::max);
                            LockOwner owner = new LockOwner(ids.incrementAndGet(), start);
                            if (runOnce(locks, owner, keys, model, planKeys, planModes, random, violations,
                                    victims, timeouts)) {
                                completed.incrementAndGet();
                                break;
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : threads) {
                f.get(90, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            running.set(false);
            auditor.join(10_000);
        }

        System.out.printf("lock stress seed %d, %d shards: %d transactions, %d deadlock victims, %d timeouts,"
                        + " %d waits, at most %d attempts, %d audits%n", seed, shards, completed.get(), victims.get(),
                timeouts.get(), metrics.counter("lock.waits").count(), maxAttempts.get(), audits.get());
        assertEquals(List.of(), violations);
        assertEquals(TRANSACTIONS, completed.get());
        for (ModelKey k : model) {
            assertTrue(k.isEmpty());
        }
        assertEquals(0, locks.lockedResourceCount());
        assertEquals(0, locks.waitingCount());
        assertEquals(0, metrics.gauge("lock.waiting"));
        assertEquals(victims.get(), metrics.counter("lock.deadlocks").count());
        assertEquals(timeouts.get(), metrics.counter("lock.timeouts").count());
        long waits = metrics.counter("lock.waits").count();
        assertEquals(waits, metrics.timer("lock.wait-time").count());
        assertTrue(waits >= victims.get() + timeouts.get());
    }

    /** One attempt of a transaction; false when it was a deadlock victim or timed out (and rolled back). */
    private static boolean runOnce(LockManager locks, LockOwner owner, LockKey[] keys, ModelKey[] model,
            int[] planKeys, LockMode[] planModes, Random random, List<String> violations, AtomicInteger victims,
            AtomicInteger timeouts) {
        Map<Integer, LockMode> mine = new HashMap<>();
        try {
            for (int j = 0; j < planKeys.length; j++) {
                int k = planKeys[j];
                locks.acquire(owner, keys[k], planModes[j]);
                LockMode before = mine.get(k);
                LockMode now = before == null ? planModes[j] : before.supremum(planModes[j]);
                if (now != before) {
                    model[k].enter(owner.txnId(), now, violations, keys[k]);
                    mine.put(k, now);
                }
                if (random.nextBoolean()) {
                    Thread.yield();
                }
            }
            return true;
        } catch (NeuroQuantumException e) {
            switch (e.errorCode()) {
                case TRANSACTION_SERIALIZATION -> victims.incrementAndGet();
                case TRANSACTION_LOCK_TIMEOUT -> timeouts.incrementAndGet();
                default -> throw e;
            }
            return false;
        } finally {
            // Leave the model before the locks are released, so the model never shows a stale holder.
            for (int k : mine.keySet()) {
                model[k].exit(owner.txnId());
            }
            locks.releaseAll(owner);
        }
    }
}
