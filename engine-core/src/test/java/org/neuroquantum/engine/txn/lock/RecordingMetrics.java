package org.neuroquantum.engine.txn.lock;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.neuroquantum.spi.metrics.Counter;
import org.neuroquantum.spi.metrics.Histogram;
import org.neuroquantum.spi.metrics.Metrics;
import org.neuroquantum.spi.metrics.Timer;

/** {@link Metrics#detached()} that also lets tests read gauges back, by full name. */
final class RecordingMetrics implements Metrics {
    private final Metrics delegate;
    private final String prefix;
    private final Map<String, LongSupplier> gauges;

    RecordingMetrics() {
        this(Metrics.detached(), "", new ConcurrentHashMap<>());
    }

    private RecordingMetrics(Metrics delegate, String prefix, Map<String, LongSupplier> gauges) {
        this.delegate = delegate;
        this.prefix = prefix;
        this.gauges = gauges;
    }

    long gauge(String fullName) {
        LongSupplier g = gauges.get(fullName);
        if (g == null) {
            throw new AssertionError("No gauge " + fullName + " among " + gauges.keySet());
        }
        return g.getAsLong();
    }

    @Override
    public Counter counter(String name) {
        return delegate.counter(name);
    }

    @Override
    public Histogram histogram(String name) {
        return delegate.histogram(name);
    }

    @Override
    public Timer timer(String name) {
        return delegate.timer(name);
    }

    @Override
    public void gauge(String name, LongSupplier value) {
        gauges.put(prefix + name, value);
        delegate.gauge(name, value);
    }

    @Override
    public Metrics scoped(String scope) {
        return new RecordingMetrics(delegate.scoped(scope), prefix + scope + ".", gauges);
    }
}
