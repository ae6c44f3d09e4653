package org.neuroquantum.engine.sql.system;

import java.util.List;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.table.TableSchema;

/**
 * A read-only table whose rows the kernel computes from its own state when a statement names it. The binder
 * resolves a name to a system table only when no user table has that name; queries then read a snapshot of its
 * rows like a table without indexes (a full scan).
 */
public interface SystemTable {
    /** The table's name, lower case, starting with {@code nq_}. */
    String name();

    /** One sentence for documentation and {@code \d}. */
    String description();

    /** The columns; no primary key. */
    TableSchema schema();

    /** The rows as they are now, one value per column in column order. */
    List<Object[]> rows(Database database);
}
