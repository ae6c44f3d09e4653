package org.neuroquantum.spi.error;

import org.neuroquantum.spi.annotation.Stable;

/** A configuration value is missing, malformed or out of range. The message always names the key. */
@Stable
public class ConfigException extends NeuroQuantumException {
    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param code the error code
     * @param key the configuration key concerned, or {@code null} when the error is about a whole file
     * @param cause what went wrong
     * @param remedy what the user can do
     */
    public ConfigException(ErrorCode code, String key, String cause, String remedy) {
        super(code, cause, remedy);
        this.key = key;
    }

    /** Creates the error for a value that the key's type or validator refuses. */
    public static ConfigException invalid(String key, Object value, String why) {
        return new ConfigException(ErrorCode.CONFIG_INVALID, key,
                "Invalid value '" + value + "' for configuration key '" + key + "': " + why + ".",
                "Set '" + key + "' to a valid value in conf/neuroquantum.properties or with --set " + key + "=...");
    }

    /** The configuration key the error is about. */
    public String key() {
        return key;
    }
}
