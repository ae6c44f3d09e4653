package org.neuroquantum.spi.error;

import org.neuroquantum.spi.annotation.Stable;

/**
 * Stable error codes. The {@link #code()} of a constant never changes once released, so users and tools can
 * match on it; the {@link #sqlState()} is the SQLSTATE reported through JDBC (the standard class where one
 * fits, {@code XX000} otherwise).
 */
@Stable
public enum ErrorCode {
    /** A configuration value has the wrong type or fails its validator. */
    CONFIG_INVALID("NQ-1001", "22023"),
    /** A configuration file cannot be read or parsed. */
    CONFIG_UNREADABLE("NQ-1002", "58030"),
    /** A required configuration key has no value. */
    CONFIG_MISSING("NQ-1003", "22023"),

    /** A plugin descriptor is missing or malformed. */
    PLUGIN_DESCRIPTOR_INVALID("NQ-2001", "58000"),
    /** A plugin was built against an SPI version this kernel cannot load. */
    PLUGIN_INCOMPATIBLE("NQ-2002", "58000"),
    /** Two plugins carry the same name. */
    PLUGIN_DUPLICATE("NQ-2003", "58000"),
    /** A plugin jar or directory holds no {@code org.neuroquantum.spi.Plugin} implementation, or more than one. */
    PLUGIN_NO_PROVIDER("NQ-2004", "58000"),
    /** A plugin class could not be loaded or instantiated. */
    PLUGIN_INSTANTIATION("NQ-2005", "58000"),
    /** What a plugin provides differs from what its descriptor declares. */
    PLUGIN_DESCRIPTOR_MISMATCH("NQ-2006", "58000"),
    /** No loaded plugin offers a provider of the configured name. */
    PROVIDER_UNKNOWN("NQ-2007", "58000"),
    /** Two plugins offer a provider of the same name for the same extension point. */
    PROVIDER_DUPLICATE("NQ-2008", "58000"),
    /** A provider failed while being created or started. */
    PROVIDER_FAILED("NQ-2009", "58000"),
    /** A plugin declares a configuration key that the kernel or another plugin already declares. */
    PLUGIN_CONFIG_CONFLICT("NQ-2010", "58000"),

    /** An I/O operation of the storage layer failed. */
    STORAGE_IO("NQ-3001", "58030"),
    /** Stored data failed its checksum or structural check. */
    STORAGE_CORRUPT("NQ-3002", "XX001"),
    /** The device has no space left. */
    STORAGE_FULL("NQ-3003", "53100"),
    /** A database was written by another provider or an unknown format version. */
    STORAGE_FORMAT_MISMATCH("NQ-3004", "XX000"),

    /** The transaction was aborted to keep the schedule serializable (including deadlock victims). */
    TRANSACTION_SERIALIZATION("NQ-4001", "40001"),
    /** A lock was not granted within the lock wait timeout. */
    TRANSACTION_LOCK_TIMEOUT("NQ-4002", "55P03"),
    /** The operation is not allowed in the transaction's state (it has ended, or is being rolled back). */
    TRANSACTION_STATE("NQ-4003", "25000"),
    /** The transaction was rolled back after a failure (e.g. as a deadlock victim); only rollback is allowed. */
    TRANSACTION_ABORTED("NQ-4004", "25P02"),

    /** A row would duplicate the key of a primary key or unique index. */
    UNIQUE_VIOLATION("NQ-6001", "23505"),
    /** A NOT NULL column would hold NULL. */
    NOT_NULL_VIOLATION("NQ-6002", "23502"),
    /** A value does not fit its column's type or size. */
    DATA_INVALID("NQ-6003", "22000"),
    /** A table or index that does not exist was named. */
    UNDEFINED_OBJECT("NQ-6101", "42P01"),
    /** A table or index of that name exists already. */
    DUPLICATE_OBJECT("NQ-6102", "42P07"),
    /** A column that does not exist was named. */
    UNDEFINED_COLUMN("NQ-6103", "42703"),
    /** A definition is not valid (e.g. a primary key column of a type that cannot be a key). */
    INVALID_DEFINITION("NQ-6104", "42P16"),
    /** A SQL statement does not parse; the message names the line and column. */
    SYNTAX_ERROR("NQ-6201", "42601"),
    /** A SQL construct that NeuroQuantumDB does not (yet) support. */
    FEATURE_NOT_SUPPORTED("NQ-6202", "0A000"),
    /** An expression combines values of types that do not fit together (e.g. a number and a text). */
    DATATYPE_MISMATCH("NQ-6203", "42804"),
    /** A column name matches columns of more than one table in the statement. */
    AMBIGUOUS_COLUMN("NQ-6204", "42702"),
    /** A column outside an aggregate is used in a grouped query without appearing in GROUP BY. */
    GROUPING_ERROR("NQ-6205", "42803"),
    /** An integer or decimal division by zero. */
    DIVISION_BY_ZERO("NQ-6206", "22012"),
    /** A statement parameter ({@code ?}) has no value, or a value is given for a parameter that does not exist. */
    PARAMETER_INVALID("NQ-6207", "07001"),

    /** The operation was cancelled by its caller. */
    CANCELLED("NQ-5001", "57014"),
    /** A statement needs more of a configured resource (e.g. working memory) than its limit allows. */
    RESOURCE_LIMIT("NQ-5002", "53200"),

    /** A bug: an invariant of NeuroQuantumDB itself did not hold. */
    INTERNAL("NQ-9999", "XX000");

    private final String code;
    private final String sqlState;

    ErrorCode(String code, String sqlState) {
        this.code = code;
        this.sqlState = sqlState;
    }

    /** The stable NeuroQuantumDB code, e.g. {@code NQ-2002}. */
    public String code() {
        return code;
    }

    /** The five-character SQLSTATE reported through JDBC. */
    public String sqlState() {
        return sqlState;
    }
}
