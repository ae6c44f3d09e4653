package org.neuroquantum.spi.wal;

import java.nio.ByteBuffer;
import org.neuroquantum.spi.annotation.Evolving;

/** Reads log records in LSN order. Not thread-safe. Must be closed. */
@Evolving
public interface LogReader extends AutoCloseable {
    /**
     * Advances to the next record; {@code false} at the end of the valid log.
     *
     * @throws org.neuroquantum.spi.error.StorageException {@code STORAGE_CORRUPT} for a damaged record that is
     *     followed by valid ones (a damaged tail simply ends the log)
     */
    boolean next();

    /** The current record's LSN. */
    long lsn();

    /** The current record's payload, read-only, valid until the next call to {@link #next()}. */
    ByteBuffer payload();

    @Override
    void close();
}
