package org.neuroquantum.engine.db;

/**
 * Rows of a table in key order (or index order), one at a time:
 * <pre>{@code try (RowCursor c = table.scan(tx, null, null, false)) { while (c.next()) { use(c.row()); } }}</pre>
 * Valid only while its transaction is active; must be closed. Not thread-safe.
 */
public interface RowCursor extends AutoCloseable {
    /** Moves to the next row; false at the end. */
    boolean next();

    /** The current row, one value per column in column order. */
    Object[] row();

    /** The current row's key in the clustered index (identifies the row for {@link Table#deleteRow}). */
    byte[] rowKey();

    @Override
    void close();
}
