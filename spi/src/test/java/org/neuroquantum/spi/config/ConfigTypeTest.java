package org.neuroquantum.spi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigTypeTest {
    @Test
    void sizesTakeBinaryUnits() {
        assertEquals(4096L, ConfigType.SIZE.parse("4096"));
        assertEquals(4096L, ConfigType.SIZE.parse("4KB"));
        assertEquals(64L << 20, ConfigType.SIZE.parse("64 mb"));
        assertEquals(2L << 30, ConfigType.SIZE.parse("2GB"));
        assertThrows(IllegalArgumentException.class, () -> ConfigType.SIZE.parse("12x"));
        assertThrows(IllegalArgumentException.class, () -> ConfigType.SIZE.parse("-1"));
        assertThrows(IllegalArgumentException.class, () -> ConfigType.SIZE.parse("99999999999TB"));
    }

    @Test
    void durationsNeedAUnit() {
        assertEquals(Duration.ofMillis(250), ConfigType.DURATION.parse("250ms"));
        assertEquals(Duration.ofMinutes(5), ConfigType.DURATION.parse("5m"));
        assertEquals(Duration.ofDays(1), ConfigType.DURATION.parse("1d"));
        assertThrows(IllegalArgumentException.class, () -> ConfigType.DURATION.parse("5"));
        assertThrows(IllegalArgumentException.class, () -> ConfigType.DURATION.parse("-5s"));
    }

    @Test
    void booleansAndNumbersAreStrict() {
        assertEquals(Boolean.TRUE, ConfigType.BOOLEAN.parse(" TRUE "));
        assertThrows(IllegalArgumentException.class, () -> ConfigType.BOOLEAN.parse("yes"));
        assertEquals(42, ConfigType.INT.parse("42"));
        assertThrows(IllegalArgumentException.class, () -> ConfigType.INT.parse("4.2"));
        assertThrows(IllegalArgumentException.class, () -> ConfigType.DOUBLE.parse("NaN"));
    }

    @Test
    void listsAreCommaSeparatedAndRejectEmptyItems() {
        assertEquals(List.of(), ConfigType.LIST.parse(" "));
        assertEquals(List.of("a", "b"), ConfigType.LIST.parse("a, b"));
        assertThrows(IllegalArgumentException.class, () -> ConfigType.LIST.parse("a,,b"));
    }

    @Test
    void declarationsFailFastOnBadDefaultsAndDuplicates() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> new ConfigDef()
                .define("x.size", ConfigType.INT, "0", Validators.atLeast(1), "Size."));
        assertTrue(bad.getMessage().contains("x.size"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConfigDef()
                .define("x.a", ConfigType.INT, "1", null, "A.").define("x.a", ConfigType.INT, "1", null, "A."));
        assertThrows(IllegalArgumentException.class, () -> new ConfigDef()
                .define("Bad Name", ConfigType.INT, "1", null, "A."));
        assertThrows(IllegalArgumentException.class, () -> new ConfigDef()
                .define("x.undocumented", ConfigType.INT, "1", null, " "));
    }
}
