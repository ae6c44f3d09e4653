package org.neuroquantum.engine.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.neuroquantum.spi.metrics.Counter;
import org.neuroquantum.spi.metrics.Histogram;
import org.neuroquantum.spi.metrics.Metrics;
import org.neuroquantum.spi.metrics.Timer;

/** The SPI's metrics facade over a Dropwizard {@link MetricRegistry}: what plugins report through. */
public final class DropwizardMetrics implements Metrics {
    private final MetricRegistry registry;
    private final String prefix;

    /** Metrics registered in {@code registry} without a prefix. */
    public DropwizardMetrics(MetricRegistry registry) {
        this(registry, "");
    }

    private DropwizardMetrics(MetricRegistry registry, String prefix) {
        this.registry = registry;
        this.prefix = prefix;
    }

    /** The underlying registry, for reporters. */
    public MetricRegistry registry() {
        return registry;
    }

    @Override
    public Counter counter(String name) {
        com.codahale.metrics.Counter c = registry.counter(prefix + name);
        return new Counter() {
            @Override
            public void add(long n) {
                c.inc(n);
            }

            @Override
            public long count() {
                return c.getCount();
            }
        };
    }

    @Override
    public Histogram histogram(String name) {
        com.codahale.metrics.Histogram h = registry.histogram(prefix + name);
        return new Histogram() {
            @Override
            public void update(long value) {
                h.update(value);
            }

            @Override
            public long count() {
                return h.getCount();
            }
        };
    }

    @Override
    public Timer timer(String name) {
        com.codahale.metrics.Timer t = registry.timer(prefix + name);
        return new Timer() {
            @Override
            public void update(long nanos) {
                t.update(nanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public long count() {
                return t.getCount();
            }
        };
    }

    @Override
    public void gauge(String name, LongSupplier value) {
        registry.remove(prefix + name);
        registry.register(prefix + name, (Gauge<Long>) value::getAsLong);
    }

    @Override
    public Metrics scoped(String scope) {
        return new DropwizardMetrics(registry, prefix + scope + ".");
    }
}
