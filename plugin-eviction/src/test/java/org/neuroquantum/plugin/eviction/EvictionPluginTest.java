package org.neuroquantum.plugin.eviction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.neuroquantum.spi.Plugin;
import org.neuroquantum.spi.PluginDescriptor;
import org.neuroquantum.spi.config.ConfigKey;
import org.neuroquantum.spi.config.ConfigType;
import org.neuroquantum.spi.eviction.EvictionPolicyFactory;
import org.neuroquantum.spi.tool.PluginDescriptorGenerator;

class EvictionPluginTest {
    private static final List<String> NAMES = List.of("lru", "clock", "lru-2", "2q", "arc", "lirs", "clock-pro",
            "sieve", "s3-fifo", "w-tinylfu", "adaptive");

    @Test
    void isFoundByServiceLoader() {
        List<String> types = ServiceLoader.load(Plugin.class).stream().map(p -> p.type().getName()).toList();
        assertTrue(types.contains(EvictionPlugin.class.getName()), types.toString());
    }

    @Test
    void providesEveryPolicyWithDescriptions() {
        EvictionPlugin plugin = new EvictionPlugin();
        List<EvictionPolicyFactory> factories = plugin.evictionPolicyFactories();
        assertEquals(NAMES, factories.stream().map(EvictionPolicyFactory::name).toList());
        factories.forEach(f -> assertFalse(f.description().isBlank(), f.name()));
        assertSame(factories, plugin.evictionPolicyFactories());
    }

    @Test
    void declaresTheClockCap() {
        ConfigKey key = new EvictionPlugin().configDef().key(ClockPolicyFactory.MAX_REFERENCE_COUNT);
        assertEquals(ConfigType.INT, key.type());
        assertEquals(1, key.defaultValue());
        assertEquals(15, key.parseAndValidate("15"));
        assertThrows(IllegalArgumentException.class, () -> key.parseAndValidate("0"));
        assertThrows(IllegalArgumentException.class, () -> key.parseAndValidate("16"));
        assertTrue(key.documentation().contains("second-chance"));
        assertEquals(1, new EvictionPlugin().configDef().keys().size());
    }

    @Test
    void clockFactoryReadsTheCap() {
        ClockPolicy clock = (ClockPolicy) new ClockPolicyFactory().create(new TestEvictionContext(2,
                Map.of(ClockPolicyFactory.MAX_REFERENCE_COUNT, "2")));
        clock.onInsert(1);
        clock.onInsert(2);
        clock.onAccess(1);
        clock.onAccess(1);
        // With a cap of 2, page 1 survives two visits of the hand: page 2 goes, then the new page 3.
        assertEquals(2L, clock.evict());
        clock.onInsert(3);
        assertEquals(3L, clock.evict());
        assertEquals(1L, clock.evict());
    }

    @Test
    void descriptorGeneratorAcceptsThePlugin() throws Exception {
        Path classes = Path.of(EvictionPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        PluginDescriptor descriptor = PluginDescriptorGenerator.describe(getClass().getClassLoader(), classes,
                "eviction", "0.1.0", "test");
        assertEquals(NAMES.stream().map(n -> "eviction:" + n).toList(), descriptor.provides());
    }
}
