package org.neuroquantum.spi.metrics;

import org.neuroquantum.spi.annotation.Stable;

/** A distribution of durations plus the rate of events. Thread-safe. */
@Stable
public interface Timer {
    /** Records one event that took {@code nanos} nanoseconds. */
    void update(long nanos);

    /** How many events were recorded. */
    long count();

    /** Times {@code action} and records its duration, also when it throws. */
    default void time(Runnable action) {
        long start = System.nanoTime();
        try {
            action.run();
        } finally {
            update(System.nanoTime() - start);
        }
    }
}
