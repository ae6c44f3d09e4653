package org.neuroquantum.engine.txn.lock;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** One transaction driven by its own thread, as the lock manager expects: every step runs on that thread. */
final class TxnWorker implements AutoCloseable {
    final LockOwner owner;
    private final LockManager locks;
    private final ExecutorService executor;
    private volatile Thread thread;

    TxnWorker(LockManager locks, long txnId, long startOrder) {
        this.owner = new LockOwner(txnId, startOrder);
        this.locks = locks;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "txn-" + txnId);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    /** Acquires with the lock manager's default timeout (long in tests: only a safety net). */
    Future<Void> acquire(LockKey key, LockMode mode) {
        return submit(() -> {
            locks.acquire(owner, key, mode);
            return null;
        });
    }

    Future<Void> acquire(LockKey key, LockMode mode, Duration timeout) {
        return submit(() -> {
            locks.acquire(owner, key, mode, timeout);
            return null;
        });
    }

    Future<Void> releaseAll() {
        return submit(() -> {
            locks.releaseAll(owner);
            return null;
        });
    }

    <T> Future<T> submit(Callable<T> step) {
        return executor.submit(step);
    }

    /** The transaction's thread (exists once a first step was submitted). */
    Thread thread() {
        return thread;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(LockTesting.SAFETY_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
