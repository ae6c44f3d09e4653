package org.neuroquantum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuroquantum.engine.Kernel;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.spi.error.ConfigException;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;
import org.neuroquantum.spi.eviction.EvictionPolicy;

/** The real eviction plugin, found on the class path (embedded mode), selected by name through the kernel. */
class EvictionSelectionTest {
    private static Kernel kernel(String... assignments) {
        RawConfig raw = RawConfig.empty();
        for (String a : assignments) {
            raw.addOverride(a);
        }
        return Kernel.start(Kernel.Options.embedded(raw));
    }

    @Test
    void lruIsSelectedByNameAndBehavesAsLru() {
        EvictionPolicy lru = kernel("eviction.policy=lru").newEvictionPolicy(3);
        lru.onInsert(1);
        lru.onInsert(2);
        lru.onInsert(3);
        lru.onAccess(1);
        assertEquals(2, lru.evict(), "least recently used");
        lru.onPin(3);
        assertEquals(1, lru.evict(), "pinned page 3 is skipped");
        assertEquals(EvictionPolicy.NO_VICTIM, lru.evict());
        assertEquals(1, lru.residentCount());
    }

    @Test
    void adaptiveIsTheDefaultAndClockADifferentPolicy() {
        Kernel k = kernel();
        assertEquals("adaptive", k.config().getString("eviction.policy"));
        EvictionPolicy adaptive = k.newEvictionPolicy(2);
        EvictionPolicy clock = kernel("eviction.policy=clock").newEvictionPolicy(2);
        assertNotEquals(kernel("eviction.policy=lru").newEvictionPolicy(2).getClass(), clock.getClass());
        assertNotEquals(adaptive.getClass(), clock.getClass());
        for (EvictionPolicy policy : new EvictionPolicy[] {adaptive, clock}) {
            policy.onInsert(10);
            policy.onInsert(11);
            policy.onPin(10);
            assertEquals(11, policy.evict());
            assertEquals(EvictionPolicy.NO_VICTIM, policy.evict());
        }
        assertEquals(1, k.plugins().loaded().stream().filter(p -> p.descriptor().name().equals("eviction")).count());
    }

    @Test
    void pluginKeysAreValidatedNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> kernel("eviction.clock.max-reference-count=99"));
        assertEquals("eviction.clock.max-reference-count", e.key());
        assertTrue(kernel("eviction.clock.max-reference-count=3").config()
                .isExplicit("eviction.clock.max-reference-count"));
    }

    @Test
    void anUnknownPolicyStopsStartUp() {
        NeuroQuantumException e = assertThrows(NeuroQuantumException.class, () -> kernel("eviction.policy=opt"));
        assertEquals(ErrorCode.PROVIDER_UNKNOWN, e.errorCode());
        assertTrue(e.getMessage().contains("lru (plugin eviction") && e.getMessage().contains("clock (plugin eviction"),
                e.getMessage());
    }
}
