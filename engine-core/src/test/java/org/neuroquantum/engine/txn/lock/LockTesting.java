package org.neuroquantum.engine.txn.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

/**
 * Helpers of the lock tests. Ordering is established by waiting for observable states (a request shown by
 * {@link LockManager#currentWaits()}, a future done), never by sleeping; the bounded waits are safety nets.
 */
final class LockTesting {
    /** Upper bound of every wait for something that must happen; never reached when the code is right. */
    static final long SAFETY_SECONDS = 10;
    /** The default lock wait timeout of the lock managers in tests: a safety net too. */
    static final Duration LONG = Duration.ofSeconds(30);

    private LockTesting() {
    }

    static LockKey key(int i) {
        return LockKey.key(1, new byte[] {(byte) i});
    }

    /** The result of a step that must succeed. */
    static <T> T done(Future<T> step) {
        try {
            return step.get(SAFETY_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("The step failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("The step did not finish within " + SAFETY_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The error of a step that must fail with {@code code}. */
    static NeuroQuantumException failure(Future<?> step, ErrorCode code) {
        try {
            step.get(SAFETY_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            NeuroQuantumException nq = assertInstanceOf(NeuroQuantumException.class, e.getCause());
            assertEquals(code, nq.errorCode(), nq.getMessage());
            return nq;
        } catch (TimeoutException e) {
            throw new AssertionError("The step did not finish within " + SAFETY_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return fail("The step succeeded but should have failed with " + code);
    }

    /** Waits until {@code txnId} waits for a lock, and returns what it waits for. */
    static LockWait awaitWaiting(LockManager locks, long txnId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SAFETY_SECONDS);
        while (System.nanoTime() < deadline) {
            for (LockWait w : locks.currentWaits()) {
                if (w.txnId() == txnId) {
                    assertNull(locks.auditInvariants());
                    return w;
                }
            }
            LockSupport.parkNanos(200_000);
        }
        return fail("Transaction " + txnId + " never started to wait");
    }

    /** What {@code txnId} waits for now, or null. */
    static LockWait waitOf(LockManager locks, long txnId) {
        for (LockWait w : locks.currentWaits()) {
            if (w.txnId() == txnId) {
                return w;
            }
        }
        return null;
    }

    /** The ids of the waiting transactions, oldest wait first. */
    static List<Long> waitingIds(LockManager locks) {
        return locks.currentWaits().stream().map(LockWait::txnId).toList();
    }
}
