package org.neuroquantum.spi.metrics;

import java.util.function.LongSupplier;
import org.neuroquantum.spi.annotation.Stable;

/**
 * A small metrics facade, so that plugins report through the kernel's registry (Dropwizard Metrics in the
 * kernel) without depending on a metrics library. Names are dot-separated; the instance a provider receives
 * is already scoped to it (e.g. {@code eviction.lru.}), so providers use short names.
 *
 * <p>Asking twice for the same name returns the same metric. Thread-safe.
 */
@Stable
public interface Metrics {
    /** The counter of that name, created on first use. */
    Counter counter(String name);

    /** The histogram of that name, created on first use. */
    Histogram histogram(String name);

    /** The timer of that name, created on first use. */
    Timer timer(String name);

    /**
     * Registers a gauge whose value is read from {@code value} whenever metrics are reported. A second
     * registration under the same name replaces the first.
     */
    void gauge(String name, LongSupplier value);

    /** A view whose names are prefixed with {@code prefix + "."}. */
    Metrics scoped(String prefix);

    /**
     * Metrics that count but report nowhere: for tests and tools that run a provider outside the kernel.
     * Counts are kept, and asking twice for a name returns the same metric, so callers may read them back.
     */
    static Metrics detached() {
        return new DetachedMetrics();
    }
}
