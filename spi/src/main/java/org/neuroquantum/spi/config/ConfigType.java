package org.neuroquantum.spi.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neuroquantum.spi.annotation.Stable;

/**
 * The type of a configuration value and how its text form is parsed. Every value comes from text (a
 * properties file or {@code --set key=value}), so parsing is strict: {@code "yes"} is not a boolean,
 * {@code "12x"} not a size. {@link #parse} throws {@link IllegalArgumentException} with a reason; the kernel
 * turns it into a {@link org.neuroquantum.spi.error.ConfigException} naming the key.
 */
@Stable
public enum ConfigType {
    /** {@code true} or {@code false}. */
    BOOLEAN("boolean") {
        @Override
        public Object parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return Boolean.valueOf(t);
            }
            throw new IllegalArgumentException("expected true or false");
        }
    },
    /** A 32-bit signed integer. */
    INT("int") {
        @Override
        public Object parse(String text) {
            try {
                return Integer.valueOf(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number between "
                        + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
            }
        }
    },
    /** A 64-bit signed integer. */
    LONG("long") {
        @Override
        public Object parse(String text) {
            try {
                return Long.valueOf(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number");
            }
        }
    },
    /** A finite floating-point number. */
    DOUBLE("double") {
        @Override
        public Object parse(String text) {
            try {
                double d = Double.parseDouble(text.trim());
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a finite number");
            }
        }
    },
    /** Any text, trimmed. */
    STRING("string") {
        @Override
        public Object parse(String text) {
            return text.trim();
        }
    },
    /** A comma-separated list of trimmed, non-empty items; the empty text is the empty list. */
    LIST("list") {
        @Override
        public Object parse(String text) {
            List<String> items = new ArrayList<>();
            if (text.isBlank()) {
                return List.of();
            }
            for (String part : text.split(",", -1)) {
                String item = part.trim();
                if (item.isEmpty()) {
                    throw new IllegalArgumentException("empty item in comma-separated list");
                }
                items.add(item);
            }
            return List.copyOf(items);
        }
    },
    /** A size in bytes: a whole number with an optional unit B, KB, MB, GB or TB (powers of 1024). */
    SIZE("size") {
        @Override
        public Object parse(String text) {
            String t = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
            long multiplier = 1;
            String[] units = {"TB", "GB", "MB", "KB", "B"};
            long[] factors = {1L << 40, 1L << 30, 1L << 20, 1L << 10, 1};
            for (int i = 0; i < units.length; i++) {
                if (t.endsWith(units[i])) {
                    multiplier = factors[i];
                    t = t.substring(0, t.length() - units[i].length());
                    break;
                }
            }
            try {
                long n = Long.parseLong(t);
                if (n < 0) {
                    throw new IllegalArgumentException("a size cannot be negative");
                }
                return Math.multiplyExact(n, multiplier);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("expected a size such as 4096, 64KB, 256MB or 2GB");
            }
        }
    },
    /** A duration: a whole number with a unit ms, s, m, h or d (e.g. {@code 250ms}, {@code 5m}). */
    DURATION("duration") {
        @Override
        public Object parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            String[] units = {"ms", "s", "m", "h", "d"};
            for (String unit : units) {
                if (t.endsWith(unit)) {
                    String number = t.substring(0, t.length() - unit.length()).trim();
                    try {
                        long n = Long.parseLong(number);
                        if (n < 0) {
                            break;
                        }
                        switch (unit) {
                            case "ms": return Duration.ofMillis(n);
                            case "s": return Duration.ofSeconds(n);
                            case "m": return Duration.ofMinutes(n);
                            case "h": return Duration.ofHours(n);
                            default: return Duration.ofDays(n);
                        }
                    } catch (NumberFormatException e) {
                        break;
                    }
                }
            }
            throw new IllegalArgumentException("expected a duration such as 250ms, 30s, 5m, 2h or 1d");
        }
    };

    private final String displayName;

    ConfigType(String displayName) {
        this.displayName = displayName;
    }

    /**
     * Parses the text form of a value.
     *
     * @return a {@link Boolean}, {@link Integer}, {@link Long}, {@link Double}, {@link String},
     *     {@code List<String>}, {@link Long} (sizes, in bytes) or {@link Duration}
     * @throws IllegalArgumentException with a reason a user can act on
     */
    public abstract Object parse(String text);

    /** The lower-case name shown in the configuration reference. */
    public String displayName() {
        return displayName;
    }
}
