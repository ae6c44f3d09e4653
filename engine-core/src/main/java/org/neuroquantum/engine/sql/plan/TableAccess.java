package org.neuroquantum.engine.sql.plan;

import org.neuroquantum.engine.sql.bind.Query;
import org.neuroquantum.engine.sql.expr.Expr;

/**
 * One table in the join order: how it is read and the conjuncts checked once its row is known.
 *
 * @param source the table and where its columns go in the joined row
 * @param path the access path
 * @param filter conjuncts over the joined row up to this table, or null; for a LEFT JOINed table its ON
 *     condition, which decides whether a row matches
 * @param after for a LEFT JOINed table, the WHERE conjuncts checked once its row (or NULLs) is known; else null
 */
public record TableAccess(Query.Source source, AccessPath path, Expr filter, Expr after) {
    /** For plans. */
    public String describe() {
        return (source.derived() != null ? "derived " + source.alias() + " " + source.derived().rows().describe()
                : source.table().name() + (source.alias().equalsIgnoreCase(source.table().name()) ? "" : " "
                + source.alias())) + (source.leftOuter() ? " (left join)" : "") + ": " + path.describe()
                + (filter == null ? "" : (source.leftOuter() ? ", on " : ", filter ") + filter.describe())
                + (after == null ? "" : ", then filter " + after.describe());
    }
}
