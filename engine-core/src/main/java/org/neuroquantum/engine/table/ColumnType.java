package org.neuroquantum.engine.table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

/**
 * The column types and the Java class of their values. The byte codes are part of the catalog format.
 */
public enum ColumnType {
    /** {@link Boolean}. */
    BOOLEAN(1, Boolean.class, true),
    /** 32-bit signed, {@link Integer}. */
    INTEGER(2, Integer.class, true),
    /** 64-bit signed, {@link Long}. */
    BIGINT(3, Long.class, true),
    /** IEEE 754 double, {@link Double}. */
    DOUBLE(4, Double.class, true),
    /** Exact decimal, {@link BigDecimal}; not allowed in keys. */
    DECIMAL(5, BigDecimal.class, false),
    /** Unicode text, {@link String} (stored as UTF-8). */
    VARCHAR(6, String.class, true),
    /** A calendar date, {@link LocalDate}. */
    DATE(7, LocalDate.class, true),
    /** Date and time without zone, microsecond precision, {@link LocalDateTime}. */
    TIMESTAMP(8, LocalDateTime.class, true),
    /** Bytes, {@code byte[]}. */
    BLOB(9, byte[].class, true);

    private final byte code;
    private final Class<?> javaClass;
    private final boolean keyable;

    ColumnType(int code, Class<?> javaClass, boolean keyable) {
        this.code = (byte) code;
        this.javaClass = javaClass;
        this.keyable = keyable;
    }

    /** The catalog byte code. */
    public byte code() {
        return code;
    }

    /** The Java class of values. */
    public Class<?> javaClass() {
        return javaClass;
    }

    /** Whether columns of this type may be part of a primary key or index. */
    public boolean keyable() {
        return keyable;
    }

    /** The type of a catalog byte code, or {@code null}. */
    public static ColumnType ofCode(byte code) {
        for (ColumnType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    /**
     * Checks that {@code value} (not null) is of this type.
     *
     * @throws NeuroQuantumException {@code DATA_INVALID} naming the column otherwise
     */
    public Object check(String column, Object value) {
        if (!javaClass.isInstance(value)) {
            throw new NeuroQuantumException(ErrorCode.DATA_INVALID, "Column " + column + " is "
                    + name().toLowerCase(Locale.ROOT) + " (" + javaClass.getSimpleName() + ") but the value is a "
                    + value.getClass().getSimpleName() + ": " + value + ".",
                    "Pass a " + javaClass.getSimpleName() + " for this column.");
        }
        return value;
    }
}
