package org.neuroquantum.engine.sql.bind;

import java.util.List;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.sql.expr.Expr;
import org.neuroquantum.engine.table.TableSchema;

/** A statement bound against the catalog, ready for planning and execution. */
public sealed interface BoundStatement {
    /** {@code CREATE TABLE}; {@code uniqueColumns} get a unique index each after the table is created. */
    record CreateTable(String name, TableSchema schema, boolean ifNotExists, List<List<String>> uniqueColumns)
            implements BoundStatement {
    }

    /** {@code DROP TABLE}. */
    record DropTable(String name, boolean ifExists) implements BoundStatement {
    }

    /** {@code CREATE [UNIQUE] INDEX}. */
    record CreateIndex(String table, String name, boolean unique, List<String> columns) implements BoundStatement {
    }

    /**
     * {@code INSERT}: either {@code rows} (one expression per table column, in column order) or a {@code query}
     * whose output columns map to {@code targets}.
     */
    record Insert(Table table, List<Expr[]> rows, Query query, int[] targets) implements BoundStatement {
    }

    /** {@code SELECT}. */
    record Select(Query query) implements BoundStatement {
    }

    /** A query with set operations ({@code UNION}, {@code INTERSECT}, {@code EXCEPT}) at its top. */
    record CompoundSelect(Compound compound) implements BoundStatement {
    }

    /** {@code DROP INDEX}. */
    record DropIndex(String name, boolean ifExists) implements BoundStatement {
    }

    /** {@code UPDATE}: {@code values[i]} (over the old row) is assigned to column {@code columns[i]}. */
    record Update(Table table, Expr where, int[] columns, Expr[] values) implements BoundStatement {
    }

    /** {@code DELETE}. */
    record Delete(Table table, Expr where) implements BoundStatement {
    }
}
