package org.neuroquantum.engine.storage.buffer;

import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * One buffer frame: a page-sized slice of off-heap memory, its latch and its bookkeeping. Fields other than
 * the content are guarded by the pool's lock; the content by the latch.
 */
final class Frame {
    final int index;
    final ByteBuffer buffer;
    final BytesStore<?, ?> memory;
    final long memoryOffset;
    final ReentrantReadWriteLock latch = new ReentrantReadWriteLock();

    /** The page held, or -1 when free. */
    long pageId = -1;
    int pinCount;
    boolean dirty;
    /** False while the page is being read in, and after a failed read. */
    boolean valid;
    /** The read of this frame's page failed with this error; waiters rethrow it. */
    RuntimeException loadError;
    /** A dirty page evicted from this frame whose write-back is still due, or -1. */
    long pendingVictim = -1;

    /**
     * The usable bytes (after the kernel's page header), read-only, made once: callers take a
     * {@link ByteBuffer#duplicate()} of it, so that reading a page costs one small object instead of a chain of
     * views. Never handed out itself, since its position and limit are not thread-safe.
     */
    private final ByteBuffer content;

    Frame(int index, ByteBuffer buffer, BytesStore<?, ?> memory, long memoryOffset) {
        this.index = index;
        this.buffer = buffer;
        this.content = buffer.duplicate().position(PageLayout.HEADER_BYTES).slice().asReadOnlyBuffer();
        this.memory = memory;
        this.memoryOffset = memoryOffset;
    }

    long pageLsn() {
        return memory.readLong(memoryOffset + PageLayout.PAGE_LSN);
    }

    void setPageLsn(long lsn) {
        memory.writeLong(memoryOffset + PageLayout.PAGE_LSN, lsn);
    }

    /** A fresh read-only view of the usable bytes (position 0, big-endian like any new view). */
    ByteBuffer contentView() {
        return content.duplicate();
    }

    /** A fresh view of the whole page (position 0, limit page size), safe to hand to one thread. */
    ByteBuffer view() {
        return buffer.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    }
}
