package org.neuroquantum.spi.metrics;

import org.neuroquantum.spi.annotation.Stable;

/** A distribution of values (sizes, lengths). Thread-safe. */
@Stable
public interface Histogram {
    /** Records one value. */
    void update(long value);

    /** How many values were recorded. */
    long count();
}
