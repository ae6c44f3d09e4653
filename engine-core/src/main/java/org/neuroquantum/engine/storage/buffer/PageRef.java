package org.neuroquantum.engine.storage.buffer;

import java.nio.ByteBuffer;

/**
 * A pinned, latched page of the buffer pool. Belongs to the thread that pinned it; close it (with
 * try-with-resources) to release the latch and the pin.
 */
public final class PageRef implements AutoCloseable {
    private final BufferPool pool;
    private final Frame frame;
    private final long pageId;
    private final BufferPool.Latch latch;
    private boolean closed;

    PageRef(BufferPool pool, Frame frame, long pageId, BufferPool.Latch latch) {
        this.pool = pool;
        this.frame = frame;
        this.pageId = pageId;
        this.latch = latch;
    }

    /** The page's id. */
    public long pageId() {
        return pageId;
    }

    /**
     * The whole page (position 0, limit page size, little-endian). Writable only with an exclusive latch;
     * bytes 0-3 belong to the page store and 4-15 to the kernel's page header ({@link PageLayout}).
     */
    public ByteBuffer buffer() {
        return latch == BufferPool.Latch.EXCLUSIVE ? frame.view() : frame.view().asReadOnlyBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * A fresh read-only view of the bytes after the kernel's page header ({@link PageLayout#HEADER_BYTES} on),
     * position 0, big-endian: what {@code buffer().position(HEADER_BYTES).slice().asReadOnlyBuffer()} gives, in
     * one object.
     */
    public ByteBuffer content() {
        return frame.contentView();
    }

    /** The page LSN stored in the page header. */
    public long pageLsn() {
        return frame.pageLsn();
    }

    /**
     * Records that the page was changed by the log record {@code pageLsn}: stores it as the page LSN and marks
     * the page dirty. Requires the exclusive latch.
     */
    public void markDirty(long pageLsn) {
        if (latch != BufferPool.Latch.EXCLUSIVE) {
            throw new IllegalStateException("page " + pageId + " is latched shared; changing it needs the exclusive latch");
        }
        pool.markDirty(frame, pageLsn);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        BufferPool.release(frame, latch);
        pool.unpin(frame);
    }
}
