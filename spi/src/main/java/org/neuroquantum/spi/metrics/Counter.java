package org.neuroquantum.spi.metrics;

import org.neuroquantum.spi.annotation.Stable;

/** A monotonically increasing count (events, bytes). Thread-safe; cheap enough for hot paths. */
@Stable
public interface Counter {
    /** Adds {@code n} (non-negative). */
    void add(long n);

    /** Adds one. */
    default void increment() {
        add(1);
    }

    /** The current count. */
    long count();
}
