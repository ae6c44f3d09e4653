package org.neuroquantum.engine.table;

import java.util.Objects;

/**
 * One column of a table.
 *
 * @param name the column's name (case preserved; compared case-insensitively)
 * @param type its type
 * @param nullable whether it may hold NULL (primary key columns never do)
 */
public record Column(String name, ColumnType type, boolean nullable) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a column needs a name");
        }
    }
}
