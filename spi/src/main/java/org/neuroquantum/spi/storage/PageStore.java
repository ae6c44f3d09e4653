package org.neuroquantum.spi.storage;

import java.nio.ByteBuffer;
import org.neuroquantum.spi.annotation.Evolving;

/**
 * Fixed-size pages on durable media. Page ids are dense non-negative numbers handed out by
 * {@link #allocate()}; page 0 is the header page, owned by the kernel.
 *
 * <h2>Integrity</h2>
 * The first {@link #CHECKSUM_BYTES} bytes of every page belong to the store: it computes a checksum over the
 * rest of the page on {@link #write} and verifies it on every {@link #read}. A read either fills the buffer
 * with exactly the bytes of a completed write of that page or throws a {@link
 * org.neuroquantum.spi.error.StorageException} with code {@code STORAGE_CORRUPT} naming the file, the page,
 * the expected and the actual checksum. It never silently returns damaged data.
 *
 * <h2>Durability</h2>
 * A write is durable only after a later {@link #sync()} returns. A crash may lose any unsynced write, and
 * may tear one (which the checksum then detects). Allocation and freeing are durable with the next sync.
 *
 * <h2>Threading</h2>
 * Thread-safe. Concurrent reads and writes of different pages proceed in parallel; the kernel never writes
 * one page from two threads at once, nor reads a page while writing it.
 *
 * <h2>Errors</h2>
 * Every failure is a {@link org.neuroquantum.spi.error.StorageException}: {@code STORAGE_IO} for I/O
 * errors, {@code STORAGE_FULL} when the device is full (the store stays usable and a retry may succeed once
 * space returns), {@code STORAGE_CORRUPT} as above.
 */
@Evolving
public interface PageStore extends AutoCloseable {
    /** Bytes at the start of each page reserved for the store's checksum. */
    int CHECKSUM_BYTES = 4;

    /** The page size in bytes, fixed when the store was created. */
    int pageSize();

    /** One past the highest page id ever allocated. */
    long pageCount();

    /** Returns the id of a free page (reusing freed pages first); its content is undefined until written. */
    long allocate();

    /** Returns a page to the free list. Reading it afterwards is an error until it is allocated again. */
    void free(long pageId);

    /**
     * Reads a page into {@code destination} (exactly {@link #pageSize()} bytes remaining; position is
     * advanced), verifying its checksum.
     */
    void read(long pageId, ByteBuffer destination);

    /**
     * Writes {@code source} (exactly {@link #pageSize()} bytes remaining; position is advanced) as the new
     * content of the page, filling in the checksum bytes.
     */
    void write(long pageId, ByteBuffer source);

    /** Makes every completed write, allocation and free durable. */
    void sync();

    /**
     * Whether {@code pageId} is free (on the free list). Recovery uses it to redo a logged free exactly once.
     * The default throws {@link UnsupportedOperationException}: a store written against SPI 1.0 does not keep what
     * recovery needs, and the kernel refuses to recover on it rather than guess.
     *
     * @since 1.1
     */
    default boolean isFree(long pageId) {
        throw new UnsupportedOperationException(getClass().getName() + " does not support recovery (isFree)");
    }

    /**
     * Makes {@code pageId} an allocated page, for redo of a logged allocation: grows the page count past it (ids
     * skipped on the way count as allocated, unused) or takes it off the free list.
     *
     * @return {@code true} when the page was not allocated before or was never written, so its bytes on disk (if
     *     any) are not a live page's; {@code false} when it is an allocated, written page
     * @throws UnsupportedOperationException by default, as {@link #isFree} does
     * @since 1.1
     */
    default boolean ensureAllocated(long pageId) {
        throw new UnsupportedOperationException(getClass().getName() + " does not support recovery "
                + "(ensureAllocated)");
    }

    /** Syncs nothing, releases the files. Further calls fail. Idempotent. */
    @Override
    void close();
}
