package org.neuroquantum.plugin.eviction;

import java.util.List;
import org.neuroquantum.spi.eviction.EvictionPolicy;

/** {@link Policies} for tests in other packages. */
public final class PoliciesAccess {
    private PoliciesAccess() {
    }

    /** Every provider name of the plugin. */
    public static List<String> names() {
        return Policies.names();
    }

    /** The named policy, created through its factory. */
    public static EvictionPolicy named(String name, int capacity) {
        return Policies.named(name, capacity);
    }
}
