package org.neuroquantum.spi.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.neuroquantum.spi.annotation.Stable;

/** The validators most keys need. Each one describes itself for the configuration reference. */
@Stable
public final class Validators {
    private static final Pattern PROVIDER_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private Validators() {
    }

    /** A number (int, long, size) no smaller than {@code min}. */
    public static Validator atLeast(long min) {
        return between(min, Long.MAX_VALUE);
    }

    /** A number (int, long, size) within {@code [min, max]}. */
    public static Validator between(long min, long max) {
        return new Validator() {
            @Override
            public void ensureValid(Object value) {
                long n = ((Number) value).longValue();
                if (n < min || n > max) {
                    throw new IllegalArgumentException("must be " + describe());
                }
            }

            @Override
            public String describe() {
                return max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
            }
        };
    }

    /** A duration no shorter than {@code min}. */
    public static Validator atLeast(Duration min) {
        return new Validator() {
            @Override
            public void ensureValid(Object value) {
                if (((Duration) value).compareTo(min) < 0) {
                    throw new IllegalArgumentException("must be " + describe());
                }
            }

            @Override
            public String describe() {
                return "at least " + min.toMillis() + "ms";
            }
        };
    }

    /** A string that is one of {@code allowed}. */
    public static Validator oneOf(String... allowed) {
        List<String> values = List.copyOf(Arrays.asList(allowed));
        return new Validator() {
            @Override
            public void ensureValid(Object value) {
                if (!values.contains(value)) {
                    throw new IllegalArgumentException("must be one of " + String.join(", ", values));
                }
            }

            @Override
            public String describe() {
                return "one of " + String.join(", ", values);
            }
        };
    }

    /** A provider name that must not be empty: for extension points that always need a provider. */
    public static Validator requiredProviderName() {
        Validator name = providerName();
        return new Validator() {
            @Override
            public void ensureValid(Object value) {
                if (((String) value).isEmpty()) {
                    throw new IllegalArgumentException("a provider must be named");
                }
                name.ensureValid(value);
            }

            @Override
            public String describe() {
                return "provider name, required";
            }
        };
    }

    /**
     * A provider name, or (for lists) each item one: lower-case letters, digits and dashes, starting with a
     * letter or digit (e.g. {@code 2q}). The empty string is accepted and means "no provider".
     */
    public static Validator providerName() {
        return new Validator() {
            @Override
            public void ensureValid(Object value) {
                List<?> items = value instanceof List ? (List<?>) value : List.of(value);
                for (Object item : items) {
                    String name = (String) item;
                    if (!name.isEmpty() && !PROVIDER_NAME.matcher(name).matches()) {
                        throw new IllegalArgumentException("'" + name
                                + "' is not a provider name (lower-case letters, digits and dashes)");
                    }
                }
            }

            @Override
            public String describe() {
                return "provider name";
            }
        };
    }
}
