package org.neuroquantum.spi.config;

import java.util.Objects;
import java.util.regex.Pattern;
import org.neuroquantum.spi.annotation.Stable;

/**
 * One declared configuration key: name, type, default, documentation and validator, stated once. Keys are
 * created through {@link ConfigDef#define}; the default is written in the same text form a user would
 * write, and is parsed and validated when the key is declared, so a bad default fails the build's tests
 * rather than a user's start-up.
 */
@Stable
public final class ConfigKey {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

    private final String name;
    private final ConfigType type;
    private final String defaultText;
    private final Object defaultValue;
    private final Validator validator;
    private final String documentation;

    ConfigKey(String name, ConfigType type, String defaultText, Validator validator, String documentation) {
        this.name = Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Configuration key name '" + name
                    + "' must be dot-separated lower-case words (letters, digits, dashes)");
        }
        this.type = Objects.requireNonNull(type, "type");
        this.validator = validator;
        this.documentation = Objects.requireNonNull(documentation, "documentation");
        if (documentation.isBlank()) {
            throw new IllegalArgumentException("Configuration key '" + name + "' needs documentation");
        }
        this.defaultText = defaultText;
        this.defaultValue = defaultText == null ? null : parseAndValidate(defaultText);
    }

    /**
     * Parses and validates a value given as text.
     *
     * @throws IllegalArgumentException with a reason (the caller adds the key's name)
     */
    public Object parseAndValidate(String text) {
        Object value = type.parse(text);
        if (validator != null) {
            validator.ensureValid(value);
        }
        return value;
    }

    /** The full key, e.g. {@code eviction.policy}. */
    public String name() {
        return name;
    }

    /** The value's type. */
    public ConfigType type() {
        return type;
    }

    /** The default as text, or {@code null} when the key has no default (it is then unset unless given). */
    public String defaultText() {
        return defaultText;
    }

    /** The parsed default, or {@code null}. */
    public Object defaultValue() {
        return defaultValue;
    }

    /** The validator, or {@code null} when the type alone decides. */
    public Validator validator() {
        return validator;
    }

    /** What the key does, for the configuration reference. */
    public String documentation() {
        return documentation;
    }

    @Override
    public String toString() {
        return name + " (" + type.displayName() + ")";
    }
}
