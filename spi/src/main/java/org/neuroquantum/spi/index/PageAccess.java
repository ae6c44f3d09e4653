package org.neuroquantum.spi.index;

import org.neuroquantum.spi.annotation.Evolving;

/**
 * The buffer pool as an index sees it. Pages are pinned while a {@link PageHandle} is open; every change goes
 * through {@link PageHandle#update}, which the kernel logs to the write-ahead log before applying, so an
 * index gets crash recovery without writing log records of its own.
 *
 * <p>Thread-safe. Latches are the index's tool for concurrency control: a handle is opened with a shared or
 * exclusive latch and holds it until closed.
 */
@Evolving
public interface PageAccess {
    /** Latch modes. */
    enum Latch { SHARED, EXCLUSIVE }

    /** Usable bytes of a page (the page size minus the kernel's page header). */
    int usableBytes();

    /** Pins and latches an existing page. */
    PageHandle pin(IndexTransaction transaction, long pageId, Latch latch);

    /** Allocates a new zeroed page, pinned and latched exclusively. */
    PageHandle allocate(IndexTransaction transaction);

    /** Frees a page the index no longer uses. The page must not be pinned by anyone. */
    void free(IndexTransaction transaction, long pageId);
}
