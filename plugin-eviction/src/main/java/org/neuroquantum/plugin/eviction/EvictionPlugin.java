package org.neuroquantum.plugin.eviction;

import java.util.List;
import org.neuroquantum.spi.Plugin;
import org.neuroquantum.spi.config.ConfigDef;
import org.neuroquantum.spi.config.ConfigType;
import org.neuroquantum.spi.config.Validators;
import org.neuroquantum.spi.eviction.EvictionContext;
import org.neuroquantum.spi.eviction.EvictionPolicyFactory;
import org.neuroquantum.spi.metrics.Counter;

/**
 * The eviction plugin: buffer-pool eviction policies {@code lru}, {@code clock}, {@code lru-2}, {@code 2q},
 * {@code arc}, {@code lirs}, {@code clock-pro}, {@code sieve}, {@code s3-fifo}, {@code w-tinylfu} and
 * {@code adaptive}, the default, which follows the best of LIRS, S3-FIFO and SIEVE.
 */
public final class EvictionPlugin implements Plugin {
    // Created once: the kernel and the descriptor generator must see the same providers on every call.
    private final List<EvictionPolicyFactory> factories = List.of(
            new LruPolicyFactory(),
            new ClockPolicyFactory(),
            new SimplePolicyFactory("lru-2", "LRU-K with K=2: evicts the page whose second-to-last use is oldest,"
                    + " so pages used once go first; scan-resistant, O(log n) per hit.",
                    c -> new Lru2Policy(c.capacity(), evictions(c))),
            new SimplePolicyFactory("2q", "2Q: new pages pass a FIFO (A1in) and must be missed again while"
                    + " remembered (A1out) to reach the LRU main list (Am); scan-resistant, O(1).",
                    c -> new TwoQueuePolicy(c.capacity(), evictions(c))),
            new SimplePolicyFactory("arc", "ARC: balances a recency list and a frequency list, steered by ghost"
                    + " lists of what each recently evicted.",
                    c -> new ArcPolicy(c.capacity(), evictions(c))),
            new SimplePolicyFactory("lirs", "LIRS: keeps the pages with the shortest reuse distance; resists"
                    + " scans and loops longer than the pool.",
                    c -> new LirsPolicy(c.capacity(), evictions(c))),
            new SimplePolicyFactory("clock-pro", "CLOCK-Pro: LIRS's reuse-distance test on a clock with hot,"
                    + " cold and test hands; a hit only sets a bit.",
                    c -> new ClockProPolicy(c.capacity(), evictions(c))),
            new SimplePolicyFactory("sieve", "SIEVE: a FIFO with a visited bit and a hand that evicts new pages"
                    + " quickly unless reused; a hit only sets a bit.",
                    c -> new SievePolicy(c.capacity(), evictions(c))),
            new SimplePolicyFactory("s3-fifo", "S3-FIFO: a small FIFO filters one-hit pages, a ghost FIFO"
                    + " remembers them, a main FIFO with 2-bit counters keeps the reused.",
                    c -> new S3FifoPolicy(c.capacity(), evictions(c))),
            new SimplePolicyFactory("w-tinylfu", "W-TinyLFU: an LRU window, a frequency sketch admitting pages"
                    + " to a segmented-LRU main area, and a hill climber sizing the window (as in Caffeine).",
                    c -> new WTinyLfuPolicy(c.capacity(), evictions(c))),
            new SimplePolicyFactory("adaptive", "The default: replays every access through LIRS, S3-FIFO and"
                    + " SIEVE as shadow caches and evicts as the one with the most recent hits would.",
                    c -> new AdaptivePolicy(c.capacity(), evictions(c))));

    /** Called by {@link java.util.ServiceLoader}. */
    public EvictionPlugin() {
    }

    @Override
    public List<EvictionPolicyFactory> evictionPolicyFactories() {
        return factories;
    }

    private static Counter evictions(EvictionContext context) {
        return context.metrics().counter("evictions");
    }

    @Override
    public ConfigDef configDef() {
        // A fresh definition per call: ConfigDef is mutable while being built, so it is never shared.
        return new ConfigDef()
                .define(ClockPolicyFactory.MAX_REFERENCE_COUNT, ConfigType.INT, "1",
                        Validators.between(1, ClockPolicy.MAX_REFERENCE_COUNT_LIMIT),
                        "Clock (a GCLOCK generalisation) gives each resident page a reference counter capped at"
                                + " this value: a hit raises it by one, and each pass of the clock hand lowers it"
                                + " by one, evicting the page when it is already zero. 1 is classic second-chance"
                                + " Clock; higher values let frequently used pages survive more sweeps of the hand."
                                + " Used only when eviction.policy=clock.");
    }
}
