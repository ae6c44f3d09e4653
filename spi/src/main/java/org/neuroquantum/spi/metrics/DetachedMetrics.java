package org.neuroquantum.spi.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** {@link Metrics#detached()}: counts in memory, keyed by full name, reporting nowhere. */
final class DetachedMetrics implements Metrics {
    private final Map<String, Object> metrics;
    private final String prefix;

    DetachedMetrics() {
        this(new ConcurrentHashMap<>(), "");
    }

    private DetachedMetrics(Map<String, Object> metrics, String prefix) {
        this.metrics = metrics;
        this.prefix = prefix;
    }

    private static final class Count implements Counter, Histogram, Timer {
        private final LongAdder adder = new LongAdder();

        @Override
        public void add(long n) {
            adder.add(n);
        }

        @Override
        public void update(long value) {
            adder.increment();
        }

        @Override
        public long count() {
            return adder.sum();
        }
    }

    private <T> T get(String name, Class<T> type) {
        Object metric = metrics.computeIfAbsent(prefix + name + "#" + type.getSimpleName(), k -> new Count());
        return type.cast(metric);
    }

    @Override
    public Counter counter(String name) {
        return get(name, Counter.class);
    }

    @Override
    public Histogram histogram(String name) {
        return get(name, Histogram.class);
    }

    @Override
    public Timer timer(String name) {
        return get(name, Timer.class);
    }

    @Override
    public void gauge(String name, LongSupplier value) {
        metrics.put(prefix + name + "#Gauge", value);
    }

    @Override
    public Metrics scoped(String scope) {
        return new DetachedMetrics(metrics, prefix + scope + ".");
    }
}
