package org.neuroquantum.engine.sql.plan;

import org.neuroquantum.engine.sql.bind.Query;
import org.neuroquantum.engine.sql.expr.Expr;

/**
 * One table in the join order: how it is read and the conjuncts checked once its row is known.
 *
 * @param source the table and where its columns go in the joined row
 * @param path the access path
 * @param filter conjuncts over the joined row up to this table, or null
 */
public record TableAccess(Query.Source source, AccessPath path, Expr filter) {
    /** For plans. */
    public String describe() {
        return source.table().name() + (source.alias().equalsIgnoreCase(source.table().name()) ? "" : " "
                + source.alias()) + ": " + path.describe() + (filter == null ? "" : ", filter " + filter.describe());
    }
}
