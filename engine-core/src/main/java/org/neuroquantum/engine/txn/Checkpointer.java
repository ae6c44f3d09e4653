package org.neuroquantum.engine.txn;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import org.neuroquantum.engine.storage.buffer.BufferPool;
import org.neuroquantum.engine.storage.log.LoggedPageAccess;
import org.neuroquantum.spi.metrics.Counter;
import org.neuroquantum.spi.metrics.Metrics;
import org.neuroquantum.spi.metrics.Timer;
import org.neuroquantum.spi.storage.PageStore;
import org.neuroquantum.spi.wal.WriteAheadLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes checkpoints: fixes a redo LSN while no mini-transaction is between its append and its pages becoming
 * dirty, writes every dirty page (the write-ahead rule forcing the log as needed), syncs the page store, records
 * the checkpoint in {@link CheckpointFile} and truncates (archiving) the log before the analysis LSN. Concurrent
 * transactions keep running; they only wait for the instant the redo LSN is fixed.
 *
 * <p>A background thread checkpoints every {@code interval} and whenever {@code walVolume} bytes of log were
 * written since the last checkpoint; a failed checkpoint is logged and tried again at the next tick (the previous
 * one stays valid).
 */
public final class Checkpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    /** What a checkpoint did. */
    public record Report(CheckpointFile.Entry entry, int pagesWritten, long nanos) {
    }

    private final LoggedPageAccess access;
    private final BufferPool pool;
    private final PageStore store;
    private final WriteAheadLog wal;
    private final TransactionManager transactions;
    private final CheckpointFile file;
    private final Duration interval;
    private final long walVolume;
    private final Counter count;
    private final Timer duration;
    private volatile long lastRedoLsn;
    private volatile long lastNanos = System.nanoTime();
    private Thread thread;
    private volatile boolean stopping;

    public Checkpointer(LoggedPageAccess access, BufferPool pool, PageStore store, WriteAheadLog wal,
            TransactionManager transactions, CheckpointFile file, Duration interval, long walVolume, Metrics metrics) {
        this.access = Objects.requireNonNull(access, "access");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.store = Objects.requireNonNull(store, "store");
        this.wal = Objects.requireNonNull(wal, "wal");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.file = Objects.requireNonNull(file, "file");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.walVolume = walVolume;
        this.count = metrics.counter("count");
        this.duration = metrics.timer("duration");
        this.lastRedoLsn = wal.lastLsn() + 1;
    }

    /** Takes a checkpoint now. */
    public synchronized Report checkpoint() {
        long start = System.nanoTime();
        long redo;
        long analysis;
        long nextId;
        Lock gate = access.checkpointGate().writeLock();
        gate.lock();
        try {
            redo = wal.lastLsn() + 1;
            access.setFullPageLsn(redo);
            analysis = Math.min(redo, transactions.oldestActiveLsn());
            nextId = transactions.nextTransactionId();
        } finally {
            gate.unlock();
        }
        int before = pool.dirtyPages();
        pool.flushAll();
        store.sync();
        CheckpointFile.Entry entry = new CheckpointFile.Entry(redo, analysis, nextId);
        file.write(entry);
        lastRedoLsn = redo;
        lastNanos = System.nanoTime();
        wal.truncateBefore(analysis);
        long nanos = System.nanoTime() - start;
        count.increment();
        duration.update(nanos);
        LOG.debug("Checkpoint at redo LSN {} (analysis from {}): {} dirty page(s) written in {} ms", redo, analysis,
                before, nanos / 1_000_000);
        return new Report(entry, before, nanos);
    }

    /** Starts the background thread. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::run, "nq-checkpointer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        // The log volume is looked at often: a bulk load writes tens of MB a second, and every MB past the
        // threshold is redone after a crash. The check is one read of the last LSN.
        long tickMillis = Math.max(50, Math.min(100, interval.toMillis() / 4));
        while (!stopping) {
            // Parked, never interrupted: an interrupt during FileChannel I/O would close the page store's channel.
            LockSupport.parkNanos(tickMillis * 1_000_000L);
            if (stopping) {
                return;
            }
            boolean due = System.nanoTime() - lastNanos >= interval.toNanos()
                    || wal.lastLsn() - lastRedoLsn >= walVolume;
            if (due) {
                try {
                    checkpoint();
                } catch (RuntimeException e) {
                    lastNanos = System.nanoTime();
                    LOG.warn("Checkpoint failed (the previous one stays valid; retrying later): {}", e.getMessage());
                }
            }
        }
    }

    /** Stops the background thread (waiting for a checkpoint in progress). Idempotent. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            stopping = true;
            t = thread;
        }
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
