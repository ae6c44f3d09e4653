package org.neuroquantum.engine.txn.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.neuroquantum.engine.txn.lock.LockMode.IS;
import static org.neuroquantum.engine.txn.lock.LockMode.IX;
import static org.neuroquantum.engine.txn.lock.LockMode.S;
import static org.neuroquantum.engine.txn.lock.LockMode.X;
import static org.neuroquantum.engine.txn.lock.LockTesting.LONG;
import static org.neuroquantum.engine.txn.lock.LockTesting.awaitWaiting;
import static org.neuroquantum.engine.txn.lock.LockTesting.done;
import static org.neuroquantum.engine.txn.lock.LockTesting.failure;
import static org.neuroquantum.engine.txn.lock.LockTesting.key;
import static org.neuroquantum.engine.txn.lock.LockTesting.waitOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;
import org.neuroquantum.spi.metrics.Metrics;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LockManagerTest {
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final LockManager locks = new LockManager(LONG, metrics.scoped(LockManager.METRICS_SCOPE));
    private final List<TxnWorker> workers = new ArrayList<>();

    private TxnWorker txn(long id) {
        TxnWorker w = new TxnWorker(locks, id, id);
        workers.add(w);
        return w;
    }

    @AfterEach
    void closeWorkers() {
        for (TxnWorker w : workers) {
            w.close();
        }
    }

    private static LockOwner owner(long id) {
        return new LockOwner(id, id);
    }

    private void assertEmpty(LockManager lm) {
        assertNull(lm.auditInvariants());
        assertEquals(0, lm.waitingCount(), "waiting requests");
        assertEquals(0, lm.lockedResourceCount(), "locked resources");
        assertEquals(List.of(), lm.currentWaits());
    }

    @Test
    void compatibilityMatrixThroughTheLockTable() {
        for (LockMode held : LockMode.values()) {
            for (LockMode asked : LockMode.values()) {
                LockManager lm = new LockManager(LONG, Metrics.detached());
                lm.acquire(owner(1), key(1), held);
                boolean expected = LockModeTest.expectedCompatible(held, asked);
                assertEquals(expected, lm.tryAcquire(owner(2), key(1), asked), held + " held, " + asked + " asked");
                lm.releaseAll(owner(2));
                if (expected) {
                    lm.acquire(owner(2), key(1), asked, Duration.ZERO);
                    assertEquals(asked, lm.heldMode(owner(2), key(1)));
                } else {
                    NeuroQuantumException e = assertThrows(NeuroQuantumException.class,
                            () -> lm.acquire(owner(2), key(1), asked, Duration.ZERO));
                    assertEquals(ErrorCode.TRANSACTION_LOCK_TIMEOUT, e.errorCode());
                    assertNull(lm.heldMode(owner(2), key(1)));
                }
                assertEquals(held, lm.heldMode(owner(1), key(1)));
                lm.releaseAll(owner(1));
                lm.releaseAll(owner(2));
                assertEmpty(lm);
            }
        }
    }

    @Test
    void aHolderAskingForAnotherModeHoldsTheSupremum() {
        for (LockMode first : LockMode.values()) {
            for (LockMode second : LockMode.values()) {
                LockManager lm = new LockManager(LONG, Metrics.detached());
                lm.acquire(owner(1), key(1), first, Duration.ZERO);
                lm.acquire(owner(1), key(1), second, Duration.ZERO);
                assertEquals(LockModeTest.expectedSupremum(first, second), lm.heldMode(owner(1), key(1)),
                        first + " then " + second);
                assertEquals(1, lm.lockedResourceCount());
                lm.releaseAll(owner(1));
                assertEmpty(lm);
            }
        }
    }

    @Test
    void reacquiringACoveredModeIsFreeAndOneReleaseFreesIt() {
        locks.acquire(owner(1), key(1), X);
        locks.acquire(owner(1), key(1), S);
        locks.acquire(owner(1), key(1), X);
        locks.acquire(owner(1), key(1), IS);
        assertEquals(X, locks.heldMode(owner(1), key(1)));
        assertFalse(locks.tryAcquire(owner(2), key(1), IS));
        locks.releaseAll(owner(1));
        assertTrue(locks.tryAcquire(owner(2), key(1), X));
        locks.releaseAll(owner(2));
        assertEmpty(locks);
    }

    @Test
    void intentionLocksOnARelationAndKeyLocksBelowIt() {
        LockKey table = LockKey.relation(1);
        LockKey row1 = LockKey.key(1, new byte[] {1});
        LockKey row2 = LockKey.key(1, new byte[] {2});
        locks.acquire(owner(1), table, X.parentIntention());
        locks.acquire(owner(1), row1, X);
        locks.acquire(owner(2), table, X.parentIntention());
        locks.acquire(owner(2), row2, X);
        assertFalse(locks.tryAcquire(owner(3), table, S), "a table scan conflicts with writers below");
        assertTrue(locks.tryAcquire(owner(3), table, S.parentIntention()));
        assertFalse(locks.tryAcquire(owner(3), row1, S));
        assertTrue(locks.tryAcquire(owner(3), LockKey.key(1, new byte[] {3}), S));
        for (long id = 1; id <= 3; id++) {
            locks.releaseAll(owner(id));
        }
        assertEmpty(locks);
    }

    @Test
    void anUpgradeWaitsOnlyForOtherHoldersAndGoesAheadOfQueuedRequests() {
        TxnWorker t1 = txn(1);
        TxnWorker t2 = txn(2);
        TxnWorker t3 = txn(3);
        done(t1.acquire(key(1), S));
        done(t2.acquire(key(1), S));
        Future<Void> t3x = t3.acquire(key(1), X);
        assertEquals(List.of(1L, 2L), awaitWaiting(locks, 3).blockedBy());
        Future<Void> t1x = t1.acquire(key(1), X);
        LockWait upgrade = awaitWaiting(locks, 1);
        assertTrue(upgrade.isUpgrade());
        assertEquals(S, upgrade.heldMode());
        assertEquals(X, upgrade.mode());
        assertEquals(List.of(2L), upgrade.blockedBy(), "the upgrade does not wait for the queued request");

        done(t2.releaseAll());
        done(t1x);
        assertEquals(X, locks.heldMode(t1.owner, key(1)));
        assertEquals(List.of(1L), awaitWaiting(locks, 3).blockedBy(), "the upgrade was granted first");
        assertFalse(t3x.isDone());

        done(t1.releaseAll());
        done(t3x);
        done(t3.releaseAll());
        assertEmpty(locks);
    }

    /**
     * The upgrade IS -> X of transaction 1 queues ahead of transaction 3's earlier S request. When the holder
     * that blocks both leaves, the upgrade is granted; the S request (compatible with the IS that 1 held, but
     * not with the X it asked for) must not slip in first.
     */
    @Test
    void aWaitingUpgradeIsNotOvertakenByAnEarlierRequest() {
        TxnWorker t1 = txn(1);
        TxnWorker t3 = txn(3);
        done(t1.acquire(key(1), IS));
        locks.acquire(owner(2), key(1), IX);
        Future<Void> s3 = t3.acquire(key(1), S);
        assertEquals(List.of(2L), awaitWaiting(locks, 3).blockedBy());
        Future<Void> x1 = t1.acquire(key(1), X);
        assertEquals(List.of(2L), awaitWaiting(locks, 1).blockedBy());
        assertEquals(List.of(2L, 1L), awaitWaiting(locks, 3).blockedBy(), "S waits for the queued upgrade too");

        locks.releaseAll(owner(2));
        done(x1);
        assertEquals(X, locks.heldMode(t1.owner, key(1)));
        assertEquals(List.of(1L), awaitWaiting(locks, 3).blockedBy());
        done(t1.releaseAll());
        done(s3);
        done(t3.releaseAll());
        assertEmpty(locks);
    }

    @Test
    void anUpgradeIsGrantedPastAQueuedConflictingRequestButANewRequestIsNot() {
        TxnWorker t3 = txn(3);
        TxnWorker t4 = txn(4);
        locks.acquire(owner(1), key(1), IS);
        locks.acquire(owner(2), key(1), IX);
        Future<Void> t3x = t3.acquire(key(1), X);
        assertEquals(List.of(1L, 2L), awaitWaiting(locks, 3).blockedBy());

        assertTrue(locks.tryAcquire(owner(1), key(1), IX), "IS -> IX is compatible with the holders");
        assertEquals(IX, locks.heldMode(owner(1), key(1)));
        assertFalse(locks.tryAcquire(owner(5), key(1), IS), "a new IS would overtake the queued X");
        Future<Void> t4ix = t4.acquire(key(1), IX);
        assertEquals(List.of(3L), awaitWaiting(locks, 4).blockedBy());

        locks.releaseAll(owner(1));
        locks.releaseAll(owner(2));
        done(t3x);
        assertFalse(t4ix.isDone());
        done(t3.releaseAll());
        done(t4ix);
        done(t4.releaseAll());
        locks.releaseAll(owner(5));
        assertEmpty(locks);
    }

    @Test
    void anExclusiveWaiterIsNotStarvedByLaterSharedRequests() {
        TxnWorker writer = txn(2);
        locks.acquire(owner(1), key(1), S);
        Future<Void> x = writer.acquire(key(1), X);
        awaitWaiting(locks, 2);
        List<Future<Void>> readers = new ArrayList<>();
        for (long id = 3; id <= 12; id++) {
            readers.add(txn(id).acquire(key(1), S));
            LockWait w = awaitWaiting(locks, id);
            assertEquals(List.of(2L), w.blockedBy(), "reader " + id + " queues behind the writer");
            assertEquals(Map.of(1L, S), w.holders());
        }
        locks.releaseAll(owner(1));
        done(x);
        for (long id = 3; id <= 12; id++) {
            assertEquals(List.of(2L), awaitWaiting(locks, id).blockedBy());
        }
        done(writer.releaseAll());
        for (Future<Void> r : readers) {
            done(r);
        }
        for (TxnWorker w : workers) {
            done(w.releaseAll());
        }
        assertEmpty(locks);
    }

    @Test
    void releaseAllWakesExclusiveWaitersOneByOneInArrivalOrder() {
        locks.acquire(owner(1), key(1), X);
        List<Long> order = Collections.synchronizedList(new ArrayList<>());
        List<Future<Void>> steps = new ArrayList<>();
        for (long id = 2; id <= 6; id++) {
            TxnWorker w = txn(id);
            long me = id;
            steps.add(w.submit(() -> {
                locks.acquire(w.owner, key(1), X);
                order.add(me);
                locks.releaseAll(w.owner);
                return null;
            }));
            awaitWaiting(locks, id);
        }
        locks.releaseAll(owner(1));
        for (Future<Void> s : steps) {
            done(s);
        }
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), order);
        assertEmpty(locks);
    }

    @Test
    void releaseAllGrantsTheCompatiblePrefixOfTheQueue() {
        locks.acquire(owner(1), key(1), X);
        TxnWorker t2 = txn(2);
        TxnWorker t3 = txn(3);
        TxnWorker t4 = txn(4);
        TxnWorker t5 = txn(5);
        Future<Void> s2 = t2.acquire(key(1), S);
        awaitWaiting(locks, 2);
        Future<Void> s3 = t3.acquire(key(1), IS);
        awaitWaiting(locks, 3);
        Future<Void> x4 = t4.acquire(key(1), X);
        awaitWaiting(locks, 4);
        Future<Void> s5 = t5.acquire(key(1), S);
        awaitWaiting(locks, 5);

        locks.releaseAll(owner(1));
        done(s2);
        done(s3);
        assertEquals(List.of(2L, 3L), awaitWaiting(locks, 4).blockedBy());
        assertEquals(List.of(4L), awaitWaiting(locks, 5).blockedBy());
        done(t2.releaseAll());
        done(t3.releaseAll());
        done(x4);
        assertEquals(List.of(4L), awaitWaiting(locks, 5).blockedBy());
        done(t4.releaseAll());
        done(s5);
        done(t5.releaseAll());
        assertEmpty(locks);
    }

    @Test
    void aTimedOutWaiterLeavesTheQueueAndWakesTheRequestsItBlocked() {
        // The waiter must still be queued when its successor arrives; if the machine is so slow that it timed
        // out first, try again with a longer timeout. The outcome, not the timing, is what is checked.
        for (long millis = 200; ; millis *= 4) {
            if (millis > 60_000) {
                fail("Never managed to queue a request behind a waiting one");
            }
            LockManager lm = new LockManager(LONG, Metrics.detached());
            try (TxnWorker t2 = new TxnWorker(lm, 2, 2); TxnWorker t3 = new TxnWorker(lm, 3, 3)) {
                lm.acquire(owner(1), key(1), S);
                Future<Void> x2 = t2.acquire(key(1), X, Duration.ofMillis(millis));
                awaitWaiting(lm, 2);
                Future<Void> s3 = t3.acquire(key(1), S);
                boolean blockedByTheWaiter = false;
                while (!s3.isDone()) {
                    LockWait w = waitOf(lm, 3);
                    if (w != null) {
                        blockedByTheWaiter = w.blockedBy().equals(List.of(2L));
                        break;
                    }
                    LockSupport.parkNanos(100_000);
                }
                NeuroQuantumException e = failure(x2, ErrorCode.TRANSACTION_LOCK_TIMEOUT);
                done(s3);
                assertEquals("Lock wait timeout: transaction 2 waited " + millis + " ms for X on relation 1 key"
                        + " 0x01; held by transaction 1 (S).", e.causeDescription());
                assertNull(lm.heldMode(owner(2), key(1)));
                assertEquals(S, lm.heldMode(owner(3), key(1)));
                done(t2.releaseAll());
                done(t3.releaseAll());
                lm.releaseAll(owner(1));
                assertEmpty(lm);
                if (blockedByTheWaiter) {
                    return;
                }
            }
        }
    }

    @Test
    void aTimeoutMessageNamesTheRequestsQueuedAhead() {
        TxnWorker t2 = txn(2);
        TxnWorker t3 = txn(3);
        locks.acquire(owner(1), key(1), IX);
        Future<Void> x2 = t2.acquire(key(1), X);
        awaitWaiting(locks, 2);
        Future<Void> s3 = t3.acquire(key(1), S, Duration.ofMillis(1));
        NeuroQuantumException e = failure(s3, ErrorCode.TRANSACTION_LOCK_TIMEOUT);
        assertEquals("Lock wait timeout: transaction 3 waited 1 ms for S on relation 1 key 0x01; held by"
                + " transaction 1 (IX); queued ahead: transaction 2 (X).", e.causeDescription());
        assertEquals("55P03", e.errorCode().sqlState());
        assertTrue(e.getMessage().contains("raise the lock wait timeout"), e.getMessage());
        locks.releaseAll(owner(1));
        done(x2);
        done(t2.releaseAll());
        done(t3.releaseAll());
        assertEmpty(locks);
    }

    @Test
    void noWaitIsRefusedAtOnce() {
        locks.acquire(owner(1), key(1), X);
        NeuroQuantumException e = assertThrows(NeuroQuantumException.class,
                () -> locks.acquire(owner(2), key(1), S, Duration.ZERO));
        assertEquals(ErrorCode.TRANSACTION_LOCK_TIMEOUT, e.errorCode());
        assertEquals("Lock not available: transaction 2 asked for S on relation 1 key 0x01 without waiting;"
                + " held by transaction 1 (X).", e.causeDescription());
        locks.releaseAll(owner(1));
        locks.releaseAll(owner(2));
        assertEmpty(locks);
    }

    @Test
    void anInterruptedWaiterLeavesTheQueueWithItsInterruptFlagSet() {
        TxnWorker t2 = txn(2);
        TxnWorker t3 = txn(3);
        locks.acquire(owner(1), key(1), S);
        Future<String> x2 = t2.submit(() -> {
            try {
                locks.acquire(t2.owner, key(1), X);
                return "granted";
            } catch (NeuroQuantumException e) {
                return e.errorCode() + " interrupted=" + Thread.currentThread().isInterrupted() + " "
                        + e.causeDescription();
            }
        });
        awaitWaiting(locks, 2);
        Future<Void> s3 = t3.acquire(key(1), S);
        assertEquals(List.of(2L), awaitWaiting(locks, 3).blockedBy());

        t2.thread().interrupt();
        assertEquals("CANCELLED interrupted=true transaction 2 was interrupted while waiting for X on relation 1"
                + " key 0x01; the lock request was withdrawn.", done(x2));
        done(s3);
        assertNull(locks.heldMode(t2.owner, key(1)));
        done(t2.releaseAll());
        done(t3.releaseAll());
        locks.releaseAll(owner(1));
        assertEmpty(locks);
    }

    @Test
    void aThreadInterruptedBeforeItMustWaitDoesNotWait() {
        locks.acquire(owner(1), key(1), X);
        Thread.currentThread().interrupt();
        try {
            NeuroQuantumException e = assertThrows(NeuroQuantumException.class,
                    () -> locks.acquire(owner(2), key(1), X));
            assertEquals(ErrorCode.CANCELLED, e.errorCode());
            assertTrue(Thread.currentThread().isInterrupted());
            // A lock that is free is granted even to an interrupted thread.
            locks.acquire(owner(2), key(2), X);
            assertEquals(X, locks.heldMode(owner(2), key(2)));
        } finally {
            Thread.interrupted();
        }
        locks.releaseAll(owner(1));
        locks.releaseAll(owner(2));
        assertEmpty(locks);
    }

    @Test
    void currentWaitsShowsWhoWaitsForWhatHeldByWhom() {
        TxnWorker t3 = txn(3);
        TxnWorker t4 = txn(4);
        TxnWorker t5 = txn(5);
        locks.acquire(owner(1), key(1), S);
        locks.acquire(owner(2), key(1), IS);
        locks.acquire(owner(5), key(2), IS);
        locks.acquire(owner(6), key(2), IX);
        Future<Void> x3 = t3.acquire(key(1), X);
        awaitWaiting(locks, 3);
        Future<Void> s4 = t4.acquire(key(1), S);
        awaitWaiting(locks, 4);
        Future<Void> s5 = t5.acquire(key(2), S);
        awaitWaiting(locks, 5);

        List<LockWait> waits = locks.currentWaits();
        assertEquals(List.of(3L, 4L, 5L), waits.stream().map(LockWait::txnId).toList(), "oldest wait first");
        LockWait w3 = waits.get(0);
        assertEquals(key(1), w3.key());
        assertEquals(X, w3.mode());
        assertNull(w3.heldMode());
        assertEquals(Map.of(1L, S, 2L, IS), w3.holders());
        assertEquals(List.of(1L, 2L), w3.blockedBy());
        assertEquals(List.of(1L, 2L), List.copyOf(w3.holders().keySet()), "holders by ascending id");
        LockWait w4 = waits.get(1);
        assertEquals(S, w4.mode());
        assertEquals(List.of(3L), w4.blockedBy());
        LockWait w5 = waits.get(2);
        assertTrue(w5.isUpgrade());
        assertEquals(IS, w5.heldMode());
        assertEquals(S, w5.mode());
        assertEquals(List.of(6L), w5.blockedBy());
        assertEquals(3, locks.waitingCount());

        locks.releaseAll(owner(1));
        locks.releaseAll(owner(2));
        done(x3);
        done(t3.releaseAll());
        done(s4);
        locks.releaseAll(owner(6));
        done(s5);
        done(t4.releaseAll());
        done(t5.releaseAll());
        assertEmpty(locks);
    }

    @Test
    void aTransactionWaitsForOneLockAtATime() {
        TxnWorker t2 = txn(2);
        locks.acquire(owner(1), key(1), X);
        Future<Void> x2 = t2.acquire(key(1), X);
        awaitWaiting(locks, 2);
        assertThrows(IllegalStateException.class, () -> locks.acquire(t2.owner, key(2), S));
        assertThrows(IllegalStateException.class, () -> locks.releaseAll(t2.owner));
        assertThrows(IllegalArgumentException.class, () -> locks.acquire(new LockOwner(2, 99), key(3), S));
        locks.releaseAll(owner(1));
        done(x2);
        done(t2.releaseAll());
        assertEmpty(locks);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> locks.acquire(owner(1), key(1), S, Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> new LockManager(Duration.ofMillis(-1), Metrics.detached()));
        assertThrows(IllegalArgumentException.class, () -> new LockManager(LONG, Metrics.detached(), 3));
        assertThrows(NullPointerException.class, () -> locks.acquire(owner(1), null, S));
        locks.releaseAll(owner(1));
        locks.releaseAll(owner(42));
        assertEmpty(locks);
    }

    @Test
    void metricsCountWaitsTimeoutsDeadlocksAndCurrentWaiters() {
        TxnWorker t2 = txn(2);
        TxnWorker t3 = txn(3);
        locks.acquire(owner(1), key(1), X);
        assertEquals(0, metrics.gauge("lock.waiting"));

        // A wait that is granted.
        Future<Void> x2 = t2.acquire(key(1), X);
        awaitWaiting(locks, 2);
        assertEquals(1, metrics.gauge("lock.waiting"));
        locks.releaseAll(owner(1));
        done(x2);
        assertEquals(0, metrics.gauge("lock.waiting"));

        // A wait that times out, and a refused NOWAIT request (a timeout but not a wait).
        failure(t3.acquire(key(1), S, Duration.ofMillis(1)), ErrorCode.TRANSACTION_LOCK_TIMEOUT);
        failure(t3.acquire(key(1), S, Duration.ZERO), ErrorCode.TRANSACTION_LOCK_TIMEOUT);
        done(t3.releaseAll());

        // A deadlock: t3 waits for t2, then t2 for t3; t3 is younger and refused.
        done(t3.acquire(key(2), X));
        Future<Void> x3 = t3.acquire(key(1), X);
        awaitWaiting(locks, 3);
        Future<Void> x2b = t2.acquire(key(2), X);
        failure(x3, ErrorCode.TRANSACTION_SERIALIZATION);
        done(t3.releaseAll());
        done(x2b);
        done(t2.releaseAll());
        assertEmpty(locks);

        assertEquals(4, metrics.counter("lock.waits").count(), "t2, t3 timed out, t3 victim, t2 granted");
        assertEquals(4, metrics.timer("lock.wait-time").count());
        assertEquals(2, metrics.counter("lock.timeouts").count());
        assertEquals(1, metrics.counter("lock.deadlocks").count());
        assertEquals(0, metrics.gauge("lock.waiting"));
    }
}
