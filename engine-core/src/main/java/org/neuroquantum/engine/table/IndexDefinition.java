package org.neuroquantum.engine.table;

import java.util.Objects;

/**
 * A secondary index of a table: its entries map the indexed columns' key encoding (followed by the primary key's,
 * unless the index is unique and no indexed value is NULL) to the row's primary key encoding.
 *
 * @param name the index's name, unique in the database
 * @param rootPageId its B+ tree's root page (its identity)
 * @param columns positions of the indexed columns in the table schema, in index order
 * @param unique whether two rows may not share non-NULL values of the indexed columns
 */
public record IndexDefinition(String name, long rootPageId, int[] columns, boolean unique) {
    public IndexDefinition {
        Objects.requireNonNull(name, "name");
        columns = columns.clone();
    }

    @Override
    public int[] columns() {
        return columns.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexDefinition d && d.name.equals(name) && d.rootPageId == rootPageId
                && java.util.Arrays.equals(d.columns, columns) && d.unique == unique;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, rootPageId, unique) * 31 + java.util.Arrays.hashCode(columns);
    }
}
