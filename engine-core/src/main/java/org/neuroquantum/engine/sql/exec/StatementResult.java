package org.neuroquantum.engine.sql.exec;

import java.util.List;
import org.neuroquantum.engine.table.ColumnType;

/**
 * What a statement returns: rows (for a query) or an update count.
 *
 * @param names output column names (empty unless a query)
 * @param types output column types
 * @param rows the rows
 * @param updateCount rows changed by INSERT/UPDATE/DELETE; -1 for a query, 0 for other statements
 */
public record StatementResult(List<String> names, List<ColumnType> types, List<Object[]> rows, long updateCount) {
    /** Whether this is the result of a query. */
    public boolean isQuery() {
        return updateCount < 0;
    }

    /** The result of a statement that changed {@code count} rows. */
    public static StatementResult updated(long count) {
        return new StatementResult(List.of(), List.of(), List.of(), count);
    }
}
