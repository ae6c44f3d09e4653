package org.neuroquantum.engine.table;

import java.util.Objects;

/**
 * One column of a table.
 *
 * @param name the column's name (case preserved; compared case-insensitively)
 * @param type its type
 * @param nullable whether it may hold NULL (primary key columns never do)
 * @param defaultValue the SQL text of the value an INSERT that omits the column stores (a literal such as {@code
 *     5}, {@code 'x'} or {@code DATE '2024-01-31'}), or null for NULL
 */
public record Column(String name, ColumnType type, boolean nullable, String defaultValue) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a column needs a name");
        }
    }

    /** A column without a default. */
    public Column(String name, ColumnType type, boolean nullable) {
        this(name, type, nullable, null);
    }

    /** The same column with another nullability (the default stays). */
    public Column withNullable(boolean nullable) {
        return new Column(name, type, nullable, defaultValue);
    }
}
