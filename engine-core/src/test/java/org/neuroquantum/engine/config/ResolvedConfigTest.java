package org.neuroquantum.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.spi.config.ConfigDef;
import org.neuroquantum.spi.config.ConfigType;
import org.neuroquantum.spi.config.Validators;
import org.neuroquantum.spi.error.ConfigException;
import org.neuroquantum.spi.error.ErrorCode;

class ResolvedConfigTest {
    @TempDir
    Path dir;

    private static DeclaredConfig declared() {
        DeclaredConfig d = DeclaredConfig.kernel();
        d.add("sample", new ConfigDef()
                .define("sample.pool.size", ConfigType.SIZE, "64MB", Validators.atLeast(4096), "Pool size.")
                .define("sample.interval", ConfigType.DURATION, "5m", null, "Checkpoint interval.")
                .define("sample.threads", ConfigType.INT, "2", Validators.between(1, 64), "Threads."));
        return d;
    }

    @Test
    void defaultsApplyWhenNothingIsGiven() {
        ResolvedConfig c = ResolvedConfig.resolve(declared(), RawConfig.empty()).orThrow();
        assertEquals(64L << 20, c.getSize("sample.pool.size"));
        assertEquals(Duration.ofMinutes(5), c.getDuration("sample.interval"));
        assertEquals("adaptive", c.getString(KernelConfig.EVICTION_POLICY));
        assertEquals(List.of(), c.getList(KernelConfig.TRANSPORTS));
        assertFalse(c.isExplicit("sample.threads"));
        assertEquals(ResolvedConfig.DEFAULT_ORIGIN, c.values().get("sample.threads").origin());
    }

    @Test
    void overridesWinOverTheFileWhichWinsOverDefaults() throws Exception {
        Path file = dir.resolve("neuroquantum.properties");
        Files.writeString(file, "sample.threads=8\neviction.policy=lru\n");
        RawConfig raw = RawConfig.load(file).addOverride("sample.threads=16");
        ResolvedConfig c = ResolvedConfig.resolve(declared(), raw).orThrow();
        assertEquals(16, c.getInt("sample.threads"));
        assertEquals("--set", c.values().get("sample.threads").origin());
        assertEquals("lru", c.getString(KernelConfig.EVICTION_POLICY));
        assertEquals(file.toString(), c.values().get(KernelConfig.EVICTION_POLICY).origin());
        assertTrue(c.isExplicit(KernelConfig.EVICTION_POLICY));
    }

    @Test
    void badValuesAreRefusedNamingKeyValueAndOrigin() {
        RawConfig raw = RawConfig.empty().addOverride("sample.threads=100").addOverride("sample.pool.size=12x");
        ResolvedConfig.Resolution r = ResolvedConfig.resolve(declared(), raw);
        assertNull(r.config());
        assertEquals(2, r.errors().size());
        ConfigException first = r.errors().get(0);
        assertEquals("sample.pool.size", first.key());
        assertEquals(ErrorCode.CONFIG_INVALID, first.errorCode());
        assertTrue(first.getMessage().contains("'12x'") && first.getMessage().contains("--set"), first.getMessage());
        ConfigException second = r.errors().get(1);
        assertTrue(second.getMessage().contains("between 1 and 64"), second.getMessage());
        assertThrows(ConfigException.class, r::orThrow);
    }

    @Test
    void unknownKeysAreWarnedAboutWithASuggestion() {
        RawConfig raw = RawConfig.empty().set("evicton.policy", "lru", "test");
        ResolvedConfig.Resolution r = ResolvedConfig.resolve(declared(), raw);
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("'evicton.policy'"), r.warnings().get(0));
        assertTrue(r.warnings().get(0).contains("Did you mean 'eviction.policy'?"), r.warnings().get(0));
        assertEquals("adaptive", r.orThrow().getString(KernelConfig.EVICTION_POLICY));
    }

    @Test
    void aProviderNameMustLookLikeOne() {
        RawConfig raw = RawConfig.empty().addOverride("eviction.policy=Not A Name");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ResolvedConfig.resolve(declared(), raw).orThrow());
        assertEquals("eviction.policy", e.key());
    }

    @Test
    void malformedOverridesAndMissingFilesAreClearErrors() {
        ConfigException e = assertThrows(ConfigException.class, () -> RawConfig.empty().addOverride("novalue"));
        assertTrue(e.remedy().contains("--set key=value"), e.remedy());
        ConfigException missing = assertThrows(ConfigException.class, () -> RawConfig.load(dir.resolve("absent")));
        assertEquals(ErrorCode.CONFIG_UNREADABLE, missing.errorCode());
        assertTrue(missing.getMessage().contains("absent"), missing.getMessage());
    }

    @Test
    void aKeyHasOneOwner() {
        DeclaredConfig d = declared();
        List<String> conflicts = d.add("intruder", new ConfigDef()
                .define("eviction.policy", ConfigType.STRING, "x", null, "Taken.")
                .define("intruder.own", ConfigType.BOOLEAN, "true", null, "Fine."));
        assertEquals(List.of("eviction.policy (already declared by kernel)"), conflicts);
        assertEquals("intruder", d.get("intruder.own").owner());
        assertEquals("kernel", d.get("eviction.policy").owner());
    }

    @Test
    void theReferenceListsEveryKeyUnderItsOwner() {
        String md = ConfigReference.markdown(declared());
        assertTrue(md.contains("## Kernel"), md);
        assertTrue(md.contains("## Plugin `sample`"), md);
        assertTrue(md.contains("| `sample.threads` | int | `2` | between 1 and 64 | Threads. |"), md);
        assertTrue(md.contains("| `optimizer` | string | (empty) |"), md);
    }
}
