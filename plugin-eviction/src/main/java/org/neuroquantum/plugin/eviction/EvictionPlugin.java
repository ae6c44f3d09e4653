package org.neuroquantum.plugin.eviction;

import java.util.List;
import org.neuroquantum.spi.Plugin;
import org.neuroquantum.spi.config.ConfigDef;
import org.neuroquantum.spi.config.ConfigType;
import org.neuroquantum.spi.config.Validators;
import org.neuroquantum.spi.eviction.EvictionPolicyFactory;

/** The eviction plugin: buffer-pool eviction policies {@code lru} and {@code clock}. */
public final class EvictionPlugin implements Plugin {
    // Created once: the kernel and the descriptor generator must see the same providers on every call.
    private final List<EvictionPolicyFactory> factories =
            List.of(new LruPolicyFactory(), new ClockPolicyFactory());

    /** Called by {@link java.util.ServiceLoader}. */
    public EvictionPlugin() {
    }

    @Override
    public List<EvictionPolicyFactory> evictionPolicyFactories() {
        return factories;
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
