package org.neuroquantum.spi.index;

import java.nio.ByteBuffer;
import org.neuroquantum.spi.annotation.Evolving;

/**
 * A pinned, latched page. Not thread-safe: it belongs to the thread that opened it until {@link #close()}.
 */
@Evolving
public interface PageHandle extends AutoCloseable {
    /** The page's id. */
    long pageId();

    /** A read-only view of the page's usable bytes ({@link PageAccess#usableBytes()} long). */
    ByteBuffer content();

    /**
     * Replaces {@code bytes.remaining()} bytes at {@code offset} of the usable area. Requires an exclusive
     * latch. The change is logged before it is applied.
     */
    void update(int offset, ByteBuffer bytes);

    /** Releases the latch and the pin. */
    @Override
    void close();
}
