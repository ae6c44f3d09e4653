package org.neuroquantum.spi.transport;

import java.util.List;
import org.neuroquantum.spi.annotation.Evolving;

/**
 * The streamed result of one statement: rows for a query, an update count otherwise. Rows are produced as the
 * transport pulls them, so a large result never sits in memory whole. Not thread-safe; must be closed.
 */
@Evolving
public interface StatementResult extends AutoCloseable {
    /** The result's columns; empty for statements that return no rows. */
    List<Column> columns();

    /** Advances to the next row; {@code false} at the end. */
    boolean next();

    /**
     * The current row's value in column {@code index} (0-based) as a Java object ({@code Long},
     * {@code Double}, {@code String}, {@code java.math.BigDecimal}, {@code Boolean}, {@code java.time}
     * types, {@code byte[]}) or {@code null} for SQL NULL.
     */
    Object value(int index);

    /** Rows changed by a data-modifying statement, or -1 for a query. */
    long updateCount();

    @Override
    void close();
}
