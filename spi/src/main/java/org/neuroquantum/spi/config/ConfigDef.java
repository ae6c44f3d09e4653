package org.neuroquantum.spi.config;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neuroquantum.spi.annotation.Stable;

/**
 * A set of configuration keys declared together, by the kernel or by one plugin. Declaration is the single
 * source of truth: the kernel validates values against it, warns about keys no declaration knows, and
 * generates {@code docs/configuration.md} from it.
 *
 * <pre>{@code
 * ConfigDef def = new ConfigDef()
 *     .define("eviction.clock.max-reference-count", ConfigType.INT, "1", Validators.between(1, 15),
 *             "How many sweeps of the clock hand an often-used page survives.");
 * }</pre>
 *
 * <p>Not thread-safe while being built; read-only once handed to the kernel.
 */
@Stable
public final class ConfigDef {
    private final Map<String, ConfigKey> keys = new LinkedHashMap<>();

    /**
     * Declares a key.
     *
     * @param name dot-separated lower-case name; a plugin's keys start with its extension point or name
     * @param type the value's type
     * @param defaultText the default in text form, or {@code null} for none
     * @param validator extra checks beyond the type, or {@code null}
     * @param documentation one or more sentences for the reference page
     * @return this, for chaining
     * @throws IllegalArgumentException when the name is taken or malformed, or the default is invalid
     */
    public ConfigDef define(String name, ConfigType type, String defaultText, Validator validator,
            String documentation) {
        ConfigKey key;
        try {
            key = new ConfigKey(name, type, defaultText, validator, documentation);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Bad declaration of configuration key '" + name + "': "
                    + e.getMessage(), e);
        }
        if (keys.putIfAbsent(name, key) != null) {
            throw new IllegalArgumentException("Configuration key '" + name + "' is declared twice");
        }
        return this;
    }

    /** The declared keys in declaration order. */
    public Collection<ConfigKey> keys() {
        return Collections.unmodifiableCollection(keys.values());
    }

    /** The key of that name, or {@code null}. */
    public ConfigKey key(String name) {
        return keys.get(name);
    }
}
