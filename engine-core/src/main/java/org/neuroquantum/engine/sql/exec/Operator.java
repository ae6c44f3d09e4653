package org.neuroquantum.engine.sql.exec;

import java.util.ArrayList;
import java.util.List;
import org.neuroquantum.engine.storage.buffer.BufferPool;

/**
 * A node of the operator tree (Volcano style): {@link #open(Object[])}, then {@link #next()} until it returns
 * null, then {@link #close()}. An operator may be opened again after it was closed; the inner side of a nested
 * loop is opened once per outer row, with that row (an index nested loop takes its key values from it).
 *
 * <p>Every call to {@code next()} checks the statement's {@link ExecContext} (cancellation, timeout) and counts
 * the rows the node produced and how often it was opened. Under EXPLAIN ANALYZE it also measures the time spent
 * in the node and the buffer pool hits and reads of its thread in it; both include the node's children, as
 * PostgreSQL's do.
 */
public abstract class Operator {
    protected final ExecContext ctx;
    private final List<Operator> children;
    private double estimatedRows = -1;
    private long rows;
    private long loops;
    private long nanos;
    private long hits;
    private long reads;
    private long peakMemory;

    protected Operator(ExecContext ctx, Operator... children) {
        this.ctx = ctx;
        this.children = List.of(children);
    }

    /** Opens (or re-opens) the operator; {@code outer} is the current row of an enclosing nested loop, or null. */
    public final void open(Object[] outer) {
        loops++;
        if (!ctx.analyze()) {
            doOpen(outer);
            return;
        }
        long t = System.nanoTime();
        long h = BufferPool.threadHits();
        long r = BufferPool.threadReads();
        try {
            doOpen(outer);
        } finally {
            account(t, h, r);
        }
    }

    /** The next row, or null at the end. */
    public final Object[] next() {
        ctx.check();
        Object[] row;
        if (!ctx.analyze()) {
            row = doNext();
        } else {
            long t = System.nanoTime();
            long h = BufferPool.threadHits();
            long r = BufferPool.threadReads();
            try {
                row = doNext();
            } finally {
                account(t, h, r);
            }
        }
        if (row != null) {
            rows++;
        }
        return row;
    }

    /** Releases the node's resources (cursors, hash tables); may be called more than once. */
    public final void close() {
        doClose();
    }

    private void account(long t, long h, long r) {
        nanos += System.nanoTime() - t;
        hits += BufferPool.threadHits() - h;
        reads += BufferPool.threadReads() - r;
    }

    protected abstract void doOpen(Object[] outer);

    protected abstract Object[] doNext();

    protected abstract void doClose();

    /** The node's name for EXPLAIN, e.g. {@code Hash Join} or {@code Index Scan using t_b on t}. */
    public abstract String label();

    /** Extra EXPLAIN lines, e.g. {@code Filter: (a > 1)}. */
    public List<String> details() {
        return new ArrayList<>();
    }

    /** Input operators, outer first. */
    public List<Operator> children() {
        return children;
    }

    /** The planner's estimate of rows produced per loop; negative when there is none. */
    public double estimatedRows() {
        return estimatedRows;
    }

    /** Sets the planner's estimate. */
    public Operator estimate(double estimate) {
        this.estimatedRows = estimate;
        return this;
    }

    /** Rows produced over all loops. */
    public long actualRows() {
        return rows;
    }

    /** How often the node was opened. */
    public long loops() {
        return loops;
    }

    /** Nanoseconds spent in the node and its children (EXPLAIN ANALYZE only). */
    public long nanos() {
        return nanos;
    }

    /** Buffer pool hits of the node and its children (EXPLAIN ANALYZE only). */
    public long bufferHits() {
        return hits;
    }

    /** Pages read from the store by the node and its children (EXPLAIN ANALYZE only). */
    public long bufferReads() {
        return reads;
    }

    /** The most memory the node held (hash tables, sort buffers), as estimated for the working-memory limit. */
    public long peakMemory() {
        return peakMemory;
    }

    /** Records memory held by a node that spills instead of failing. */
    protected void remember(long bytes) {
        peakMemory = Math.max(peakMemory, bytes);
    }

    /** Records memory held, failing with 53200 beyond the working memory. */
    protected void holding(long bytes) {
        ctx.checkMemory(label(), bytes);
        peakMemory = Math.max(peakMemory, bytes);
    }
}
