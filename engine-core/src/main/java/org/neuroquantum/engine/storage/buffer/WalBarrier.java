package org.neuroquantum.engine.storage.buffer;

/**
 * The write-ahead rule as the buffer pool sees it: before a dirty page is written, the log must be durable
 * up to that page's LSN.
 */
@FunctionalInterface
public interface WalBarrier {
    /** No log: for pools whose pages are not logged (tests, tools). */
    WalBarrier NONE = lsn -> { };

    /** Returns once every log record up to and including {@code lsn} is durable. */
    void ensureDurable(long lsn);
}
