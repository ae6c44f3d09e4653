package org.neuroquantum.engine.storage.buffer;

import org.neuroquantum.spi.storage.PageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the page store into the buffer pool's free frames in the background after the database opened, in page
 * order, until the pool is full or every page is resident: the first accesses after a restart then find their
 * pages in memory instead of each paying a read (InnoDB's buffer pool load at startup, pg_prewarm). It only
 * fills free frames, never evicts, and yields to the database: the first query does not wait for it.
 */
public final class Prewarmer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Prewarmer.class);

    private final BufferPool pool;
    private final PageStore store;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile long pagesRead;

    /** Starts reading {@code store}'s pages into {@code pool}. */
    public Prewarmer(BufferPool pool, PageStore store) {
        this.pool = pool;
        this.store = store;
        this.thread = new Thread(this::run, "buffer-pool-prewarm");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void run() {
        long start = System.nanoTime();
        try {
            long count = store.pageCount();
            for (long page = 1; page < count && !stopping; page++) {
                if (!pool.prefetch(page)) {
                    break;
                }
                pagesRead++;
            }
        } catch (RuntimeException e) {
            // The store was closed under it (a simulated crash) or failed: warming is an optimisation only.
            LOG.debug("Prewarming the buffer pool stopped: {}", e.toString());
        }
        LOG.debug("Prewarmed the buffer pool: {} page(s) visited in {} ms", pagesRead,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Whether the warming thread has finished (for tests). */
    public boolean finished() {
        return !thread.isAlive();
    }

    /** Pages visited so far. */
    public long pagesVisited() {
        return pagesRead;
    }

    /** Stops warming and waits for the page being read. */
    @Override
    public void close() {
        stopping = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
