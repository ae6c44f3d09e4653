package org.neuroquantum.spi.config;

import org.neuroquantum.spi.annotation.Stable;

/**
 * Checks a parsed configuration value beyond its type. Validators are pure functions of the value: they are
 * called once per value at start-up and never see other keys.
 */
@Stable
@FunctionalInterface
public interface Validator {
    /**
     * Returns normally when {@code value} is acceptable.
     *
     * @param value the parsed value, never {@code null}
     * @throws IllegalArgumentException whose message says, in a few words, what is acceptable
     */
    void ensureValid(Object value);

    /** A short text for the configuration reference, e.g. {@code [1, 64]}; empty when nothing to say. */
    default String describe() {
        return "";
    }
}
