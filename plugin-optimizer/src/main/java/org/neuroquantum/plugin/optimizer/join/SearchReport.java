package org.neuroquantum.plugin.optimizer.join;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Facts about one search for {@link org.neuroquantum.spi.optimizer.OptimizationResult#report()}, in insertion
 * order. Counters add up over the components of a disconnected graph.
 */
public final class SearchReport {
    private final Map<String, Object> entries = new LinkedHashMap<>();

    /** Adds {@code amount} to the counter {@code key}. */
    public void add(String key, long amount) {
        entries.merge(key, amount, (a, b) -> (Long) a + (Long) b);
    }

    /** Sets {@code key}, or appends to it with a comma when a previous component set it already. */
    public void note(String key, String value) {
        entries.merge(key, value, (a, b) -> a + "," + b);
    }

    /** The entries as text. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        entries.forEach((k, v) -> m.put(k, String.valueOf(v)));
        return m;
    }
}
