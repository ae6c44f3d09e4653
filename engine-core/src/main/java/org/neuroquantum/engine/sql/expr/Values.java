package org.neuroquantum.engine.sql.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

/**
 * SQL semantics of values. Values are the Java classes of {@link ColumnType}; {@code null} is SQL NULL (and, for
 * boolean results, UNKNOWN).
 */
public final class Values {
    private Values() {
    }

    /** The column type of a value's Java class, or null for null and unknown classes. */
    public static ColumnType typeOf(Object v) {
        if (v == null) {
            return null;
        }
        for (ColumnType t : ColumnType.values()) {
            if (t.javaClass().isInstance(v)) {
                return t;
            }
        }
        return null;
    }

    /** Whether the type is numeric. */
    public static boolean numeric(ColumnType t) {
        return t == ColumnType.INTEGER || t == ColumnType.BIGINT || t == ColumnType.DOUBLE || t == ColumnType.DECIMAL;
    }

    /** Whether values of the two types can be compared (null: not known before execution). */
    public static boolean comparable(ColumnType a, ColumnType b) {
        if (a == null || b == null || a == b) {
            return true;
        }
        if (numeric(a) && numeric(b)) {
            return true;
        }
        // Text literals compare with dates and timestamps by being read as one.
        return (a == ColumnType.VARCHAR && temporal(b)) || (b == ColumnType.VARCHAR && temporal(a))
                || (temporal(a) && temporal(b));
    }

    private static boolean temporal(ColumnType t) {
        return t == ColumnType.DATE || t == ColumnType.TIMESTAMP;
    }

    /**
     * Compares two non-null values.
     *
     * @throws NeuroQuantumException {@code 42804} when their types cannot be compared
     */
    public static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            if (x instanceof Double || y instanceof Double) {
                return Double.compare(x.doubleValue(), y.doubleValue());
            }
            if (x instanceof BigDecimal || y instanceof BigDecimal) {
                return decimal(x).compareTo(decimal(y));
            }
            return Long.compare(x.longValue(), y.longValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.compareUnsigned(x, y);
        }
        if (temporalValue(a) && temporalValue(b) || a instanceof String && temporalValue(b)
                || b instanceof String && temporalValue(a)) {
            return timestamp(a).compareTo(timestamp(b));
        }
        throw mismatch("compare", a, b);
    }

    private static boolean temporalValue(Object v) {
        return v instanceof LocalDate || v instanceof LocalDateTime;
    }

    private static LocalDateTime timestamp(Object v) {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        String s = ((String) v).strip();
        try {
            return s.length() <= 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new NeuroQuantumException(ErrorCode.DATA_INVALID, "'" + s + "' is not a date or timestamp.",
                    "Write dates as 'YYYY-MM-DD' and timestamps as 'YYYY-MM-DD HH:MM:SS[.ffffff]'.");
        }
    }

    /** Equality in the sense of GROUP BY and DISTINCT (NULLs equal each other, 1 equals 1.0). */
    public static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        return compare(a, b) == 0;
    }

    /** A hash consistent with {@link #same}. */
    public static int hash(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.hashCode(d == 0.0 ? 0.0 : d);
        }
        if (v instanceof byte[] b) {
            return Arrays.hashCode(b);
        }
        return v.hashCode();
    }

    static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Double d) {
            return BigDecimal.valueOf(d);
        }
        return BigDecimal.valueOf(n.longValue());
    }

    /** Arithmetic operators. */
    public enum Arithmetic {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULO("%");

        private final String symbol;

        Arithmetic(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in SQL. */
        public String symbol() {
            return symbol;
        }
    }

    /** The result type of arithmetic on two numeric types (INTEGER < BIGINT < DECIMAL < DOUBLE). */
    public static ColumnType arithmeticType(ColumnType a, ColumnType b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(ColumnType t) {
        return switch (t) {
            case INTEGER -> 1;
            case BIGINT -> 2;
            case DECIMAL -> 3;
            case DOUBLE -> 4;
            default -> 0;
        };
    }

    /**
     * Applies an arithmetic operator to two values; NULL in, NULL out.
     *
     * @throws NeuroQuantumException {@code 22012} dividing by zero, {@code 22000} on overflow, {@code 42804} for
     *     non-numbers
     */
    public static Object arithmetic(Arithmetic op, Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        if (!(a instanceof Number x) || !(b instanceof Number y)) {
            throw mismatch("apply " + op.symbol() + " to", a, b);
        }
        ColumnType type = arithmeticType(typeOf(a), typeOf(b));
        try {
            switch (type) {
                case INTEGER: {
                    long r = longArithmetic(op, x.longValue(), y.longValue());
                    if (r != (int) r) {
                        throw overflow(op, a, b, "integer");
                    }
                    return (int) r;
                }
                case BIGINT:
                    return longArithmetic(op, x.longValue(), y.longValue());
                case DOUBLE: {
                    double p = x.doubleValue();
                    double q = y.doubleValue();
                    if ((op == Arithmetic.DIVIDE || op == Arithmetic.MODULO) && q == 0.0) {
                        throw divisionByZero();
                    }
                    return switch (op) {
                        case ADD -> p + q;
                        case SUBTRACT -> p - q;
                        case MULTIPLY -> p * q;
                        case DIVIDE -> p / q;
                        case MODULO -> p % q;
                    };
                }
                default: {
                    BigDecimal p = decimal(x);
                    BigDecimal q = decimal(y);
                    if ((op == Arithmetic.DIVIDE || op == Arithmetic.MODULO) && q.signum() == 0) {
                        throw divisionByZero();
                    }
                    return switch (op) {
                        case ADD -> p.add(q);
                        case SUBTRACT -> p.subtract(q);
                        case MULTIPLY -> p.multiply(q);
                        case DIVIDE -> p.divide(q, Math.max(p.scale(), 0) + 10, RoundingMode.HALF_UP)
                                .stripTrailingZeros();
                        case MODULO -> p.remainder(q);
                    };
                }
            }
        } catch (ArithmeticException e) {
            throw overflow(op, a, b, type.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static long longArithmetic(Arithmetic op, long p, long q) {
        if ((op == Arithmetic.DIVIDE || op == Arithmetic.MODULO) && q == 0) {
            throw divisionByZero();
        }
        return switch (op) {
            case ADD -> Math.addExact(p, q);
            case SUBTRACT -> Math.subtractExact(p, q);
            case MULTIPLY -> Math.multiplyExact(p, q);
            case DIVIDE -> {
                if (p == Long.MIN_VALUE && q == -1) {
                    throw new ArithmeticException("overflow");
                }
                yield p / q;
            }
            case MODULO -> p % q;
        };
    }

    /** Negates a number; NULL stays NULL. */
    public static Object negate(Object v) {
        if (v == null) {
            return null;
        }
        return arithmetic(Arithmetic.SUBTRACT, v instanceof Integer ? (Object) 0 : v instanceof Long ? (Object) 0L
                : v instanceof Double ? (Object) 0.0 : v instanceof BigDecimal ? (Object) BigDecimal.ZERO : v, v);
    }

    private static NeuroQuantumException divisionByZero() {
        return new NeuroQuantumException(ErrorCode.DIVISION_BY_ZERO, "Division by zero.",
                "Guard the divisor, e.g. with a WHERE condition.");
    }

    private static NeuroQuantumException overflow(Arithmetic op, Object a, Object b, String type) {
        return new NeuroQuantumException(ErrorCode.DATA_INVALID, a + " " + op.symbol() + " " + b + " is out of range "
                + "for type " + type + ".", "Use a wider type (BIGINT, DECIMAL).");
    }

    static NeuroQuantumException mismatch(String what, Object a, Object b) {
        return new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, "Cannot " + what + " "
                + describe(a) + " and " + describe(b) + ".", "Compare and combine values of matching types.");
    }

    private static String describe(Object v) {
        ColumnType t = typeOf(v);
        return (t == null ? v.getClass().getSimpleName() : t.name().toLowerCase(java.util.Locale.ROOT))
                + (v instanceof String s ? " '" + s + "'" : v instanceof byte[] ? "" : " " + v);
    }

    /** Compiles a LIKE pattern ({@code %} any sequence, {@code _} one character; no escape character). */
    public static Pattern likePattern(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /**
     * Converts a value to a column's type for storing it, or fails naming the column. Numbers convert when the
     * value fits exactly (an INTEGER column takes 7 and 7.0, not 7.5); text converts to dates and timestamps.
     *
     * @throws NeuroQuantumException {@code 22000} when the value does not fit, {@code 42804} for the wrong kind
     */
    public static Object coerce(Object v, ColumnType type, String column) {
        if (v == null || type.javaClass().isInstance(v)) {
            return v;
        }
        try {
            switch (type) {
                case INTEGER:
                    if (v instanceof Number n) {
                        return decimal(n).intValueExact();
                    }
                    break;
                case BIGINT:
                    if (v instanceof Number n) {
                        return decimal(n).longValueExact();
                    }
                    break;
                case DOUBLE:
                    if (v instanceof Number n) {
                        return n.doubleValue();
                    }
                    break;
                case DECIMAL:
                    if (v instanceof Number n) {
                        return decimal(n);
                    }
                    break;
                case DATE:
                    if (v instanceof String s) {
                        return LocalDate.parse(s.strip());
                    }
                    if (v instanceof LocalDateTime t) {
                        return t.toLocalDate();
                    }
                    break;
                case TIMESTAMP:
                    if (v instanceof String s) {
                        return timestamp(s);
                    }
                    if (v instanceof LocalDate d) {
                        return d.atStartOfDay();
                    }
                    break;
                default:
                    break;
            }
        } catch (ArithmeticException | DateTimeParseException e) {
            throw new NeuroQuantumException(ErrorCode.DATA_INVALID, "Value " + describe(v) + " does not fit column "
                    + column + " of type " + type.name().toLowerCase(java.util.Locale.ROOT) + ".",
                    "Give a value of the column's type and range.");
        }
        throw new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, "Column " + column + " is of type "
                + type.name().toLowerCase(java.util.Locale.ROOT) + " but the value is " + describe(v) + ".",
                "Give a value of the column's type.");
    }

    /** Whether {@link #coerce} would succeed without changing the value's meaning (used to choose key ranges). */
    public static Object coerceForKey(Object v, ColumnType type) {
        try {
            Object c = coerce(v, type, "key");
            return c != null && compare(c, v) == 0 ? c : null;
        } catch (NeuroQuantumException e) {
            return null;
        }
    }

    /** {@code CAST}: like {@link #coerce}, and also text to and from numbers and booleans, numbers rounded. */
    public static Object cast(Object v, ColumnType type) {
        if (v == null || type.javaClass().isInstance(v)) {
            return v;
        }
        try {
            if (type == ColumnType.VARCHAR) {
                return v instanceof BigDecimal d ? d.toPlainString() : v instanceof LocalDateTime t
                        ? t.toString().replace('T', ' ') : String.valueOf(v);
            }
            if (v instanceof String s) {
                String t = s.strip();
                switch (type) {
                    case INTEGER: return Integer.parseInt(t);
                    case BIGINT: return Long.parseLong(t);
                    case DOUBLE: return Double.parseDouble(t);
                    case DECIMAL: return new BigDecimal(t);
                    case BOOLEAN:
                        if (t.equalsIgnoreCase("true") || t.equals("1")) {
                            return true;
                        }
                        if (t.equalsIgnoreCase("false") || t.equals("0")) {
                            return false;
                        }
                        break;
                    default:
                        break;
                }
            }
            if (v instanceof Number n && (type == ColumnType.INTEGER || type == ColumnType.BIGINT)) {
                BigDecimal rounded = decimal(n).setScale(0, RoundingMode.HALF_UP);
                return type == ColumnType.INTEGER ? (Object) rounded.intValueExact() : (Object) rounded.longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new NeuroQuantumException(ErrorCode.DATA_INVALID, "Cannot cast " + describe(v) + " to "
                    + type.name().toLowerCase(java.util.Locale.ROOT) + ".", "Cast a value that fits the type.");
        }
        return coerce(v, type, "CAST");
    }
}
