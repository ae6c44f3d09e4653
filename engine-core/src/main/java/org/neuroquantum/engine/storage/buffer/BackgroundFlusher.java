package org.neuroquantum.engine.storage.buffer;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes dirty, unpinned pages in the background whenever more than a threshold of the pool is dirty, so that
 * eviction finds clean victims and checkpoints have little left to write. A failed write is logged and the page
 * stays dirty; the next round tries again.
 */
public final class BackgroundFlusher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundFlusher.class);

    private final BufferPool pool;
    private final int dirtyThreshold;
    private final int batch;
    private final ScheduledExecutorService executor;

    /**
     * Starts flushing.
     *
     * @param intervalMillis how often to look at the pool
     * @param dirtyFraction the share of frames (0 to 1) that may stay dirty before pages are written
     */
    public BackgroundFlusher(BufferPool pool, long intervalMillis, double dirtyFraction) {
        this.pool = pool;
        this.dirtyThreshold = (int) Math.floor(pool.capacity() * dirtyFraction);
        this.batch = Math.max(1, pool.capacity() / 16);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "buffer-pool-flusher");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::round, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            while (pool.dirtyPages() > dirtyThreshold) {
                if (pool.flushUnpinned(batch) == 0) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Background flush failed; the pages stay dirty and are retried: {}", e.getMessage());
        }
    }

    /** Stops the flusher and waits for a round in progress. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
