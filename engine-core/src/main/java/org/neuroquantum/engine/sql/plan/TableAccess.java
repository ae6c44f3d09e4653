package org.neuroquantum.engine.sql.plan;

import java.util.List;
import org.neuroquantum.engine.sql.bind.Query;
import org.neuroquantum.engine.sql.expr.Expr;
import org.neuroquantum.spi.optimizer.JoinAlgorithm;

/**
 * One table in the join order: how it is read, how it is joined to the tables before it, and the conjuncts
 * checked once its row is known.
 *
 * <p>For a nested loop or index nested loop (and the first table) the inner side reads {@code path} (whose key
 * values may come from earlier tables) with {@code filter} over the joined row. For a hash join the inner side
 * reads {@code buildPath} with {@code buildFilter} (conjuncts on this table alone) once, hashed on
 * {@code innerKeys}, probed with {@code outerKeys} of each outer row; {@code residual} holds the other joining
 * conjuncts.
 *
 * @param source the table and where its columns go in the joined row
 * @param path the access path (nested loops and the first table)
 * @param filter conjuncts over the joined row up to this table, or null; for a LEFT JOINed table its ON
 *     condition, which decides whether a row matches
 * @param after for a LEFT JOINed table, the WHERE conjuncts checked once its row (or NULLs) is known; else null
 * @param join how this table joins the ones before it; null for the first table
 * @param buildPath hash join: the access path of the build side (no key values from other tables)
 * @param buildFilter hash join: conjuncts reading only this table, or null
 * @param outerKeys hash join: the probe key expressions over the earlier tables
 * @param innerKeys hash join: the build key expressions over this table
 * @param residual hash join: the other conjuncts of {@code filter}, or null
 * @param loopRows estimated rows this table's scan produces per loop (per outer row in a nested loop)
 * @param rows estimated rows of the join up to and including this table
 */
public record TableAccess(Query.Source source, AccessPath path, Expr filter, Expr after, JoinAlgorithm join,
        AccessPath buildPath, Expr buildFilter, List<Expr> outerKeys, List<Expr> innerKeys, Expr residual,
        double loopRows, double rows) {

    /** A nested-loop access without estimates (UPDATE, DELETE). */
    public TableAccess(Query.Source source, AccessPath path, Expr filter, Expr after) {
        this(source, path, filter, after, null, null, null, List.of(), List.of(), null, -1, -1);
    }

    /** For plans. */
    public String describe() {
        String name = (source.derived() != null ? "derived " + source.alias() + " "
                + source.derived().rows().describe() : source.table().name()
                + (source.alias().equalsIgnoreCase(source.table().name()) ? "" : " " + source.alias()))
                + (source.leftOuter() ? " (left join)" : "");
        if (join == JoinAlgorithm.HASH_JOIN) {
            StringBuilder b = new StringBuilder(name).append(": ").append(buildPath.describe())
                    .append(buildFilter == null ? "" : ", filter " + buildFilter.describe()).append(", hash on ");
            for (int i = 0; i < innerKeys.size(); i++) {
                b.append(i == 0 ? "" : " AND ").append(innerKeys.get(i).describe()).append(" = ")
                        .append(outerKeys.get(i).describe());
            }
            return b.append(residual == null ? "" : (source.leftOuter() ? ", on " : ", filter ")
                    + residual.describe()).append(after == null ? "" : ", then filter " + after.describe())
                    .toString();
        }
        return name + ": " + path.describe()
                + (filter == null ? "" : (source.leftOuter() ? ", on " : ", filter ") + filter.describe())
                + (after == null ? "" : ", then filter " + after.describe());
    }
}
