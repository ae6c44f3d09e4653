package org.neuroquantum.spi.index;

import org.neuroquantum.spi.annotation.Stable;

/**
 * Iterates over the entries of a range, in key order or reverse key order. Not thread-safe. Must be closed;
 * it may hold latches or pins while open.
 *
 * <pre>{@code
 * try (IndexCursor c = index.scan(tx, range, false)) {
 *     while (c.next()) { use(c.key(), c.value()); }
 * }
 * }</pre>
 */
@Stable
public interface IndexCursor extends AutoCloseable {
    /** Advances to the next entry; {@code false} when the range is exhausted. */
    boolean next();

    /** The current entry's key (a copy the caller may keep). */
    byte[] key();

    /** The current entry's value (a copy the caller may keep). */
    byte[] value();

    @Override
    void close();
}
