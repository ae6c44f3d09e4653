package org.neuroquantum.plugin.eviction;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.neuroquantum.spi.config.Config;
import org.neuroquantum.spi.config.ConfigDef;
import org.neuroquantum.spi.config.ConfigKey;
import org.neuroquantum.spi.eviction.EvictionContext;
import org.neuroquantum.spi.metrics.Counter;
import org.neuroquantum.spi.metrics.Histogram;
import org.neuroquantum.spi.metrics.Metrics;
import org.neuroquantum.spi.metrics.Timer;

/**
 * What the kernel would hand a policy, without the kernel: the plugin's declared keys with their defaults,
 * overridden by text values as a user would write them, and detached metrics.
 */
final class TestEvictionContext implements EvictionContext {
    private final int capacity;
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, Counter> counters = new HashMap<>();
    private final Metrics detached = Metrics.detached();

    TestEvictionContext(int capacity, Map<String, String> settings) {
        this.capacity = capacity;
        ConfigDef def = new EvictionPlugin().configDef();
        for (ConfigKey key : def.keys()) {
            values.put(key.name(), key.defaultValue());
        }
        settings.forEach((name, text) -> {
            ConfigKey key = def.key(name);
            if (key == null) {
                throw new IllegalArgumentException("undeclared key " + name);
            }
            values.put(name, key.parseAndValidate(text));
        });
    }

    TestEvictionContext(int capacity) {
        this(capacity, Map.of());
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public Config config() {
        return new Config() {
            @Override
            public Object get(String key) {
                if (!values.containsKey(key)) {
                    throw new IllegalArgumentException("undeclared key " + key);
                }
                return values.get(key);
            }

            @Override
            public boolean isExplicit(String key) {
                return false;
            }
        };
    }

    @Override
    public Metrics metrics() {
        // Metrics.detached() hands out a new counter per call; remember them so tests can read counts back.
        return new Metrics() {
            @Override
            public Counter counter(String name) {
                return counters.computeIfAbsent(name, detached::counter);
            }

            @Override
            public Histogram histogram(String name) {
                return detached.histogram(name);
            }

            @Override
            public Timer timer(String name) {
                return detached.timer(name);
            }

            @Override
            public void gauge(String name, LongSupplier value) {
            }

            @Override
            public Metrics scoped(String prefix) {
                return this;
            }
        };
    }

    long count(String counter) {
        Counter c = counters.get(counter);
        return c == null ? 0 : c.count();
    }
}
