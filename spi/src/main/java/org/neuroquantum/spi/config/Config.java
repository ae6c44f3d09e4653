package org.neuroquantum.spi.config;

import java.time.Duration;
import java.util.List;
import org.neuroquantum.spi.annotation.Stable;

/**
 * The effective configuration, already parsed and validated: every declared key has its value (given or
 * default). Immutable and thread-safe.
 *
 * <p>The typed getters throw {@link IllegalArgumentException} for a key that was never declared (a
 * programming error, not a user's) and {@link ClassCastException} when asked for the wrong type.
 */
@Stable
public interface Config {
    /** The parsed value of a declared key, or {@code null} when it has neither value nor default. */
    Object get(String key);

    /** Whether the user set the key explicitly (in the file or with {@code --set}). */
    boolean isExplicit(String key);

    /** A string key's value. */
    default String getString(String key) {
        return (String) get(key);
    }

    /** An int key's value. */
    default int getInt(String key) {
        return (Integer) get(key);
    }

    /** A long key's value. */
    default long getLong(String key) {
        return (Long) get(key);
    }

    /** A double key's value. */
    default double getDouble(String key) {
        return (Double) get(key);
    }

    /** A boolean key's value. */
    default boolean getBoolean(String key) {
        return (Boolean) get(key);
    }

    /** A size key's value in bytes. */
    default long getSize(String key) {
        return (Long) get(key);
    }

    /** A duration key's value. */
    default Duration getDuration(String key) {
        return (Duration) get(key);
    }

    /** A list key's value (never {@code null}; empty when unset). */
    @SuppressWarnings("unchecked")
    default List<String> getList(String key) {
        return (List<String>) get(key);
    }
}
