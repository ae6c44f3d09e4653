package org.neuroquantum.engine.sql.plan;

import java.util.List;
import org.neuroquantum.engine.sql.bind.Query;
import org.neuroquantum.engine.sql.expr.Expr;

/**
 * A planned query: tables in join order (nested loops, outermost first) and the rest of the query as bound.
 *
 * @param query the bound query
 * @param tables one access per table; empty for a query without FROM
 * @param constantFilter conjuncts that read no column (checked once), or null
 */
public record QueryPlan(Query query, List<TableAccess> tables, Expr constantFilter) {
    /** The plan as indented text, outermost loop first. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tables.size(); i++) {
            b.append("  ".repeat(i)).append(i == 0 ? "" : "nested loop: ").append(tables.get(i).describe())
                    .append('\n');
        }
        return b.toString();
    }
}
