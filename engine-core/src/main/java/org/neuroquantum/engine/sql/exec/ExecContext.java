package org.neuroquantum.engine.sql.exec;

import org.neuroquantum.engine.sql.expr.SubqueryRunner;

import java.util.concurrent.TimeUnit;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

/**
 * The running state of one statement that another thread may look at or stop: cancellation, the statement
 * timeout, the working-memory limit of its operators, and its progress. The executing thread calls
 * {@link #check()} in every operator's row loop; {@link #cancel()} and {@link #rowsProcessed()} may be called
 * from any thread.
 *
 * <p>The timeout counts the time the statement spends producing rows ({@link #resume()} … {@link #pause()}),
 * not the time a client spends between fetches of a streamed result.
 */
public final class ExecContext {
    /** Publish the progress counter to other threads every this many rows (a volatile write per row is waste). */
    private static final int PUBLISH_EVERY = 256;

    private final long workMemory;
    private final long timeoutNanos;
    private final boolean analyze;
    private volatile boolean cancelled;
    private volatile long processedPublished;
    private volatile long outputPublished;
    private long processed;
    private long activeNanos;
    private long resumedAt = -1;
    private int depth;
    private SubqueryRunner subqueries;

    /**
     * @param workMemory bytes one sort, hash join or hash aggregation may hold
     * @param timeoutMillis statement timeout; 0 for none
     * @param analyze whether operators measure time and buffer accesses (EXPLAIN ANALYZE)
     */
    public ExecContext(long workMemory, long timeoutMillis, boolean analyze) {
        this.workMemory = workMemory;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.analyze = analyze;
    }

    /**
     * Sets the runner of the statement's sub-queries, installed on the executing thread whenever a row is produced
     * (rows stream after the statement returned, outside the scope that created the runner).
     */
    public void subqueries(SubqueryRunner runner) {
        this.subqueries = runner;
    }

    /** The runner of the statement's sub-queries, or null. */
    public SubqueryRunner subqueries() {
        return subqueries;
    }

    /** A context without limits, for internal reads (e.g. ANALYZE). */
    public static ExecContext unlimited() {
        return new ExecContext(Long.MAX_VALUE, 0, false);
    }

    /** Asks the statement to stop; it fails with SQLSTATE 57014 at its next check. Any thread. */
    public void cancel() {
        cancelled = true;
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Rows all operators of the statement have produced so far (published every few hundred rows). Any thread. */
    public long rowsProcessed() {
        return processedPublished;
    }

    /** Rows the statement has returned to its caller so far. Any thread. */
    public long rowsReturned() {
        return outputPublished;
    }

    void returned(long rows) {
        outputPublished = rows;
    }

    /** Whether operators measure time and buffer accesses. */
    public boolean analyze() {
        return analyze;
    }

    /** The bytes one memory-holding operator may use. */
    public long workMemory() {
        return workMemory;
    }

    /** Starts (or resumes) counting execution time towards the timeout; calls nest with {@link #pause()}. */
    public void resume() {
        if (depth++ == 0) {
            resumedAt = System.nanoTime();
        }
    }

    /** Stops counting execution time (the caller has its rows) once the outermost {@link #resume()} ends. */
    public void pause() {
        if (depth > 0 && --depth == 0) {
            activeNanos += System.nanoTime() - resumedAt;
            resumedAt = -1;
        }
        processedPublished = processed;
    }

    /**
     * Called by operators once per row: fails the statement when it was cancelled or ran out of time.
     *
     * @throws NeuroQuantumException {@code 57014}
     */
    public void check() {
        if (cancelled) {
            throw new NeuroQuantumException(ErrorCode.CANCELLED, "The statement was cancelled on request.",
                    "Run it again if it is still needed.");
        }
        if (++processed % PUBLISH_EVERY == 0) {
            processedPublished = processed;
            if (timeoutNanos > 0 && resumedAt >= 0
                    && activeNanos + System.nanoTime() - resumedAt > timeoutNanos) {
                throw new NeuroQuantumException(ErrorCode.CANCELLED, "The statement was cancelled: it ran longer "
                        + "than the statement timeout of " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms.",
                        "Make the query cheaper (an index, a narrower WHERE) or raise the timeout "
                                + "(Statement.setQueryTimeout, or the configuration key sql.statement-timeout).");
            }
        }
    }

    /**
     * Fails when an operator would hold more than the working memory.
     *
     * @param operator the operator's name for the message, e.g. {@code Sort}
     * @param bytes what it would hold
     * @throws NeuroQuantumException {@code 53200}
     */
    public void checkMemory(String operator, long bytes) {
        if (bytes > workMemory) {
            throw new NeuroQuantumException(ErrorCode.RESOURCE_LIMIT, "The " + operator + " of this statement needs "
                    + "more than the working memory limit sql.work-memory = " + workMemory + " bytes.",
                    "Raise sql.work-memory, or make the query keep fewer rows (a narrower WHERE, fewer columns, "
                            + "a LIMIT).");
        }
    }

    /** An estimate of the heap a row of values occupies, for the working-memory limit. */
    static long sizeOf(Object[] row) {
        long size = 16 + 8L * row.length;
        for (Object v : row) {
            if (v instanceof String s) {
                size += 40 + 2L * s.length();
            } else if (v instanceof byte[] b) {
                size += 16 + b.length;
            } else if (v != null) {
                size += 24;
            }
        }
        return size;
    }
}
