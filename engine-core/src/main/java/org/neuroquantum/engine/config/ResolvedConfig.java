package org.neuroquantum.engine.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroquantum.spi.config.Config;
import org.neuroquantum.spi.config.ConfigKey;
import org.neuroquantum.spi.error.ConfigException;
import org.neuroquantum.spi.error.ErrorCode;

/**
 * The effective configuration: every declared key with its parsed, validated value and where it came from.
 * Built by {@link #resolve}, which also reports unknown keys (warnings) and bad values (errors).
 */
public final class ResolvedConfig implements Config {
    /** Origin shown for values that come from a key's default. */
    public static final String DEFAULT_ORIGIN = "default";

    /** One key's effective value. */
    public record Value(ConfigKey key, String owner, Object value, String text, String origin) {
    }

    /** The outcome of resolving: the configuration, unless {@link #errors()} is non-empty. */
    public record Resolution(ResolvedConfig config, List<String> warnings, List<ConfigException> errors) {
        /**
         * The configuration, or the first error.
         *
         * @throws ConfigException when any value was refused
         */
        public ResolvedConfig orThrow() {
            if (!errors.isEmpty()) {
                throw errors.get(0);
            }
            return config;
        }
    }

    private final Map<String, Value> values;

    private ResolvedConfig(Map<String, Value> values) {
        this.values = values;
    }

    /**
     * Parses and validates {@code raw} against {@code declared}. Unknown keys become warnings (with the
     * nearest declared name as a suggestion); values a key's type or validator refuses become errors naming
     * the key, the value and its origin.
     */
    public static Resolution resolve(DeclaredConfig declared, RawConfig raw) {
        List<String> warnings = new ArrayList<>();
        List<ConfigException> errors = new ArrayList<>();
        for (Map.Entry<String, RawConfig.Entry> e : raw.entries().entrySet()) {
            if (declared.get(e.getKey()) == null) {
                String nearest = Suggestions.nearest(e.getKey(), declared.all().keySet());
                warnings.add("Unknown configuration key '" + e.getKey() + "' (from " + e.getValue().origin()
                        + ") is ignored." + (nearest == null ? "" : " Did you mean '" + nearest + "'?"));
            }
        }
        Map<String, Value> values = new LinkedHashMap<>();
        for (DeclaredConfig.Declaration d : declared.all().values()) {
            ConfigKey key = d.key();
            RawConfig.Entry given = raw.entries().get(key.name());
            if (given == null) {
                values.put(key.name(), new Value(key, d.owner(), key.defaultValue(), key.defaultText(),
                        DEFAULT_ORIGIN));
                continue;
            }
            try {
                values.put(key.name(), new Value(key, d.owner(), key.parseAndValidate(given.text()),
                        given.text(), given.origin()));
            } catch (IllegalArgumentException | ClassCastException ex) {
                errors.add(new ConfigException(ErrorCode.CONFIG_INVALID, key.name(),
                        "Invalid value '" + given.text() + "' for configuration key '" + key.name() + "' (from "
                                + given.origin() + "): " + ex.getMessage() + ".",
                        "Give '" + key.name() + "' a valid " + key.type().displayName() + " value"
                                + (key.defaultText() == null ? "" : " (default: '" + key.defaultText() + "')")
                                + ". See docs/configuration.md."));
            }
        }
        return new Resolution(errors.isEmpty() ? new ResolvedConfig(values) : null, warnings, errors);
    }

    /** Every key's effective value, in declaration order. */
    public Map<String, Value> values() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public Object get(String key) {
        Value v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("Configuration key '" + key + "' was never declared");
        }
        return v.value();
    }

    @Override
    public boolean isExplicit(String key) {
        Value v = values.get(key);
        return v != null && !DEFAULT_ORIGIN.equals(v.origin());
    }

    /** A copy with the values as a plain map, for tests and reporting. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new HashMap<>();
        values.forEach((k, v) -> map.put(k, v.value()));
        return map;
    }
}
