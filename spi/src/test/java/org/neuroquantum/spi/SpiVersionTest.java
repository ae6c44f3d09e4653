package org.neuroquantum.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.PluginException;

class SpiVersionTest {
    @Test
    void sameMajorAndNoNewerMinorLoads() {
        SpiVersion kernel = SpiVersion.parse("1.3.2");
        assertTrue(kernel.canLoad(SpiVersion.parse("1.3")));
        assertTrue(kernel.canLoad(SpiVersion.parse("1.0.9")));
        assertFalse(kernel.canLoad(SpiVersion.parse("1.4")));
        assertFalse(kernel.canLoad(SpiVersion.parse("2.0")));
        assertFalse(kernel.canLoad(SpiVersion.parse("0.9")));
    }

    @Test
    void currentComesFromTheBuild() {
        SpiVersion current = SpiVersion.current();
        assertEquals(1, current.major(), "this tree implements SPI 1.x");
    }

    @Test
    void malformedVersionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SpiVersion.parse("1"));
        assertThrows(IllegalArgumentException.class, () -> SpiVersion.parse("v1.0"));
    }

    @Test
    void descriptorsRoundTripAndNameTheBadKey() throws Exception {
        PluginDescriptor d = new PluginDescriptor("eviction", "0.1.0", "Policies — fast.", SpiVersion.parse("1.0"),
                java.util.List.of("eviction:lru", "eviction:clock"));
        Properties p = new Properties();
        p.load(new java.io.StringReader(d.toPropertiesText()));
        assertEquals(d, PluginDescriptor.parse(p, "test"));
        assertEquals(java.util.List.of("lru", "clock"), d.providersOf(ExtensionPoint.EVICTION));

        p.setProperty("provides", "eviction-lru");
        PluginException e = assertThrows(PluginException.class, () -> PluginDescriptor.parse(p, "x.jar"));
        assertEquals(ErrorCode.PLUGIN_DESCRIPTOR_INVALID, e.errorCode());
        assertTrue(e.getMessage().contains("x.jar") && e.getMessage().contains("eviction-lru"), e.getMessage());
    }
}
