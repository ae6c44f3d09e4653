package org.neuroquantum.cli.sim;

import java.util.List;
import org.neuroquantum.engine.Kernel;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.spi.ExtensionPoint;
import org.neuroquantum.spi.eviction.EvictionPolicy;

/** Policies obtained by name through the kernel (embedded mode: the eviction plugin is on the class path). */
final class KernelPolicies {
    private KernelPolicies() {
    }

    static EvictionPolicy named(String name, int capacity) {
        RawConfig raw = RawConfig.empty();
        raw.addOverride("eviction.policy=" + name);
        return Kernel.start(Kernel.Options.embedded(raw)).newEvictionPolicy(capacity);
    }

    /** The eviction plugin's policies (not the test policies of engine-core's test jar). */
    static List<String> names() {
        return Kernel.start(Kernel.Options.embedded(RawConfig.empty())).plugins().providers()
                .of(ExtensionPoint.EVICTION).values().stream()
                .filter(r -> r.plugin().descriptor().name().equals("eviction"))
                .map(r -> r.factory().name()).toList();
    }
}
