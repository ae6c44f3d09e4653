package org.neuroquantum.engine.sql.plan;

import java.util.List;
import java.util.Map;
import org.neuroquantum.engine.sql.bind.Query;
import org.neuroquantum.engine.sql.expr.Expr;
import org.neuroquantum.spi.optimizer.JoinAlgorithm;

/**
 * A planned query: tables in join order (a left-deep tree, outermost first) and the rest of the query as bound,
 * with the planner's row estimates.
 *
 * @param query the bound query
 * @param tables one access per table; empty for a query without FROM
 * @param constantFilter conjuncts that read no column (checked once), or null
 * @param optimizer the name of the optimizer that chose the join order, or empty for written order
 * @param optimizerReport the optimizer's own report (empty without one)
 * @param groups estimated rows after grouping (equal to the join's when there is none)
 */
public record QueryPlan(Query query, List<TableAccess> tables, Expr constantFilter, String optimizer,
        Map<String, String> optimizerReport, double groups) {

    /** A plan in written order without estimates. */
    public QueryPlan(Query query, List<TableAccess> tables, Expr constantFilter) {
        this(query, tables, constantFilter, "", Map.of(), -1);
    }

    /** Estimated rows of the join of all tables (1 without FROM). */
    public double joinRows() {
        return tables.isEmpty() ? 1 : tables.get(tables.size() - 1).rows();
    }

    /** The plan as indented text, outermost loop first. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tables.size(); i++) {
            TableAccess t = tables.get(i);
            String how = i == 0 ? "" : t.join() == JoinAlgorithm.HASH_JOIN ? "hash join: " : "nested loop: ";
            b.append("  ".repeat(i)).append(how).append(t.describe()).append('\n');
        }
        return b.toString();
    }
}
