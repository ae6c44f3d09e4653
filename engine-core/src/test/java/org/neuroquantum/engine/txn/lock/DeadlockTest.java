package org.neuroquantum.engine.txn.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroquantum.engine.txn.lock.LockMode.IX;
import static org.neuroquantum.engine.txn.lock.LockMode.S;
import static org.neuroquantum.engine.txn.lock.LockMode.X;
import static org.neuroquantum.engine.txn.lock.LockTesting.LONG;
import static org.neuroquantum.engine.txn.lock.LockTesting.awaitWaiting;
import static org.neuroquantum.engine.txn.lock.LockTesting.done;
import static org.neuroquantum.engine.txn.lock.LockTesting.failure;
import static org.neuroquantum.engine.txn.lock.LockTesting.key;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeadlockTest {
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final LockManager locks = new LockManager(LONG, metrics.scoped(LockManager.METRICS_SCOPE));
    private final List<TxnWorker> workers = new ArrayList<>();

    private TxnWorker txn(long id, long startOrder) {
        TxnWorker w = new TxnWorker(locks, id, startOrder);
        workers.add(w);
        return w;
    }

    @AfterEach
    void closeWorkers() {
        for (TxnWorker w : workers) {
            w.close();
        }
    }

    private long deadlocks() {
        return metrics.counter("lock.deadlocks").count();
    }

    private void assertEmpty() {
        assertNull(locks.auditInvariants());
        assertEquals(0, locks.waitingCount());
        assertEquals(0, locks.lockedResourceCount());
    }

    /** Two S holders both upgrading to X: a deadlock whose victim is the younger, whichever asks first. */
    @ParameterizedTest(name = "older upgrades first: {0}")
    @ValueSource(booleans = {true, false})
    void twoSharedHoldersUpgradingDeadlockAndTheYoungerIsTheVictim(boolean olderFirst) {
        TxnWorker older = txn(1, 10);
        TxnWorker younger = txn(2, 20);
        done(older.acquire(key(1), S));
        done(younger.acquire(key(1), S));
        TxnWorker first = olderFirst ? older : younger;
        TxnWorker second = olderFirst ? younger : older;
        Future<Void> firstX = first.acquire(key(1), X);
        awaitWaiting(locks, first.owner.txnId());
        Future<Void> secondX = second.acquire(key(1), X);

        Future<Void> victimX = olderFirst ? secondX : firstX;
        Future<Void> survivorX = olderFirst ? firstX : secondX;
        NeuroQuantumException e = failure(victimX, ErrorCode.TRANSACTION_SERIALIZATION);
        assertEquals("40001", e.errorCode().sqlState());
        assertEquals("Deadlock detected: transaction " + second.owner.txnId() + " waits for X on relation 1 key 0x01,"
                + " held by transaction " + first.owner.txnId() + " (S); transaction " + first.owner.txnId()
                + " waits for X on relation 1 key 0x01, held by transaction " + second.owner.txnId() + " (S)."
                + " The victim is transaction 2, the youngest in the cycle: its request for X on relation 1 key"
                + " 0x01 is refused.", e.causeDescription());
        assertTrue(e.remedy().startsWith("Retry the transaction"), e.remedy());
        assertEquals(1, deadlocks());

        // The victim keeps its S lock until it rolls back; the survivor waits for that.
        assertEquals(S, locks.heldMode(younger.owner, key(1)));
        assertEquals(List.of(2L), awaitWaiting(locks, 1).blockedBy());
        assertFalse(survivorX.isDone());
        done(younger.releaseAll());
        done(survivorX);
        assertEquals(X, locks.heldMode(older.owner, key(1)));
        done(older.releaseAll());
        assertEmpty();
        assertEquals(1, deadlocks());
    }

    static Stream<Arguments> twoCycles() {
        // start orders of transactions 1 and 2; transaction 1 starts to wait first, 2 closes the cycle
        return Stream.of(Arguments.of(10, 20), Arguments.of(20, 10));
    }

    @ParameterizedTest(name = "start orders {0}, {1}")
    @MethodSource("twoCycles")
    void aTwoCycleAbortsExactlyTheYoungest(long start1, long start2) {
        runCycle(new long[] {start1, start2});
    }

    static Stream<Arguments> threeCycles() {
        long[][] permutations = {{10, 20, 30}, {10, 30, 20}, {20, 10, 30}, {20, 30, 10}, {30, 10, 20}, {30, 20, 10}};
        return Stream.of(permutations).map(p -> Arguments.of(p[0], p[1], p[2]));
    }

    @ParameterizedTest(name = "start orders {0}, {1}, {2}")
    @MethodSource("threeCycles")
    void aThreeCycleAbortsExactlyTheYoungest(long start1, long start2, long start3) {
        runCycle(new long[] {start1, start2, start3});
    }

    /**
     * Transaction i (1-based) holds X on key i and then asks for key i+1 (the last for key 1), in order, each
     * once the previous one waits: the last request closes the cycle. Exactly the youngest is refused; once it
     * rolls back, the others finish one after the other.
     */
    private void runCycle(long[] starts) {
        int n = starts.length;
        List<TxnWorker> txns = new ArrayList<>();
        int victim = 0;
        for (int i = 0; i < n; i++) {
            txns.add(txn(i + 1, starts[i]));
            done(txns.get(i).acquire(key(i + 1), X));
            if (starts[i] > starts[victim]) {
                victim = i;
            }
        }
        List<Future<Void>> waits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            waits.add(txns.get(i).acquire(key((i + 1) % n + 1), X));
            if (i < n - 1) {
                awaitWaiting(locks, i + 1);
            }
        }
        NeuroQuantumException e = failure(waits.get(victim), ErrorCode.TRANSACTION_SERIALIZATION);
        for (int i = 1; i <= n; i++) {
            assertTrue(e.causeDescription().contains("transaction " + i + " waits for X on relation 1 key 0x0"
                    + ((i % n) + 1) + ", held by transaction " + ((i % n) + 1) + " (X)"), e.getMessage());
        }
        assertTrue(e.causeDescription().contains("The victim is transaction " + (victim + 1) + ", the youngest in the cycle:"),
                e.getMessage());
        assertEquals(1, deadlocks());
        for (int i = 0; i < n; i++) {
            if (i != victim) {
                assertEquals(List.of((long) (i + 1) % n + 1), awaitWaiting(locks, i + 1).blockedBy());
                assertFalse(waits.get(i).isDone());
            }
        }
        assertEquals(X, locks.heldMode(txns.get(victim).owner, key(victim + 1)), "the victim keeps its locks");

        // The victim rolls back; then each waiter gets its lock, in the order of the chain, and ends.
        done(txns.get(victim).releaseAll());
        for (int j = 1; j < n; j++) {
            int i = Math.floorMod(victim - j, n);
            done(waits.get(i));
            done(txns.get(i).releaseAll());
        }
        assertEmpty();
        assertEquals(1, deadlocks());
    }

    /**
     * A cycle with an edge that is not a conflict with a holder: transaction 3's S request is compatible with
     * the S holder but queues behind transaction 2's X request, so it waits for 2.
     */
    @Test
    void aCycleThroughARequestQueuedBehindAnotherIsFound() {
        TxnWorker t1 = txn(1, 1);
        TxnWorker t2 = txn(2, 2);
        TxnWorker t3 = txn(3, 3);
        done(t3.acquire(key(3), X));
        done(t1.acquire(key(1), S));
        Future<Void> x2 = t2.acquire(key(1), X);
        assertEquals(List.of(1L), awaitWaiting(locks, 2).blockedBy());
        Future<Void> s3 = t3.acquire(key(1), S);
        assertEquals(List.of(2L), awaitWaiting(locks, 3).blockedBy());
        Future<Void> s1 = t1.acquire(key(3), S);

        NeuroQuantumException e = failure(s3, ErrorCode.TRANSACTION_SERIALIZATION);
        assertEquals("Deadlock detected: transaction 1 waits for S on relation 1 key 0x03, held by transaction 3"
                + " (X); transaction 3 waits for S on relation 1 key 0x01, queued behind transaction 2's request"
                + " for X; transaction 2 waits for X on relation 1 key 0x01, held by transaction 1 (S)."
                + " The victim is transaction 3, the youngest in the cycle: its request for S on relation 1 key"
                + " 0x01 is refused.", e.causeDescription());
        done(t3.releaseAll());
        done(s1);
        done(t1.releaseAll());
        done(x2);
        done(t2.releaseAll());
        assertEmpty();
        assertEquals(1, deadlocks());
    }

    @Test
    void aChainOfWaitsIsNoDeadlock() {
        TxnWorker t1 = txn(1, 1);
        TxnWorker t2 = txn(2, 2);
        TxnWorker t3 = txn(3, 3);
        done(t1.acquire(key(1), X));
        done(t2.acquire(key(2), X));
        done(t3.acquire(LockKey.relation(1), IX));
        Future<Void> w2 = t2.acquire(key(1), S);
        awaitWaiting(locks, 2);
        Future<Void> w3 = t3.acquire(key(2), X);
        awaitWaiting(locks, 3);
        Future<Void> w1 = t1.acquire(LockKey.relation(1), IX);
        done(w1);
        assertEquals(0, deadlocks());
        done(t1.releaseAll());
        done(w2);
        done(t2.releaseAll());
        done(w3);
        done(t3.releaseAll());
        assertEmpty();
    }

    /**
     * One request closing two cycles at once: transaction 1 asks for S on a key that transactions 2 and 3 hold
     * in IX, while both of them wait for transaction 1. When 1 is the oldest, each cycle loses its youngest (2,
     * then 3); when 1 is the youngest, refusing it breaks both.
     */
    @ParameterizedTest(name = "transaction 1 oldest: {0}")
    @ValueSource(booleans = {true, false})
    void oneRequestClosingTwoCycles(boolean firstIsOldest) {
        TxnWorker t1 = txn(1, firstIsOldest ? 1 : 9);
        TxnWorker t2 = txn(2, 2);
        TxnWorker t3 = txn(3, 3);
        done(t1.acquire(key(1), S));
        done(t2.acquire(key(4), IX));
        done(t3.acquire(key(4), IX));
        Future<Void> w2 = t2.acquire(key(1), X);
        awaitWaiting(locks, 2);
        Future<Void> w3 = t3.acquire(key(1), IX);
        assertEquals(List.of(1L, 2L), awaitWaiting(locks, 3).blockedBy());
        Future<Void> w1 = t1.acquire(key(4), S);
        if (firstIsOldest) {
            failure(w2, ErrorCode.TRANSACTION_SERIALIZATION);
            failure(w3, ErrorCode.TRANSACTION_SERIALIZATION);
            assertEquals(2, deadlocks());
            assertEquals(List.of(2L, 3L), awaitWaiting(locks, 1).blockedBy());
            done(t2.releaseAll());
            done(t3.releaseAll());
            done(w1);
            done(t1.releaseAll());
        } else {
            failure(w1, ErrorCode.TRANSACTION_SERIALIZATION);
            assertEquals(1, deadlocks());
            done(t1.releaseAll());
            done(w2);
            done(t2.releaseAll());
            done(w3);
            done(t3.releaseAll());
        }
        assertEmpty();
    }
}
