package org.neuroquantum.engine.sql.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.neuroquantum.engine.sql.bind.Compound;
import org.neuroquantum.engine.sql.bind.Query;
import org.neuroquantum.engine.sql.bind.Relation;
import org.neuroquantum.engine.sql.expr.Subquery;
import org.neuroquantum.engine.sql.expr.SubqueryRunner;
import org.neuroquantum.engine.sql.expr.ValueKey;
import org.neuroquantum.engine.sql.expr.Values;
import org.neuroquantum.engine.sql.plan.Planner;
import org.neuroquantum.engine.sql.plan.QueryPlan;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.engine.txn.Transaction;

/**
 * Runs the sub-queries, derived tables and set operations of one statement in its transaction. Each sub-query is
 * planned once; its results are cached per distinct correlation values (an uncorrelated one runs once per
 * statement), because a statement never sees its own changes within a sub-query either (UPDATE and DELETE read
 * the rows to change first).
 */
public final class SubqueryExecution implements SubqueryRunner {
    /** Correlated results kept per sub-query before the cache starts over (bounds memory). */
    private static final int CACHE_LIMIT = 4096;

    private final Transaction tx;
    private final Map<Query, QueryPlan> plans = new IdentityHashMap<>();
    private final Map<Subquery, Map<ValueKey, Subquery.Result>> results = new IdentityHashMap<>();

    private final Planner.Context planning;

    /** Runs the sub-queries of a statement in {@code tx}, planned without statistics or optimizer. */
    public SubqueryExecution(Transaction tx) {
        this(tx, Planner.Context.none());
    }

    /** Runs the sub-queries of a statement in {@code tx}, planned with the statement's statistics and optimizer. */
    public SubqueryExecution(Transaction tx, Planner.Context planning) {
        this.tx = tx;
        this.planning = planning;
    }

    /** Runs {@code work} (a statement) with a runner for {@code tx} installed. */
    public static <T> T run(Transaction tx, Supplier<T> work) {
        return SubqueryRunner.with(new SubqueryExecution(tx), work);
    }

    @Override
    public Subquery.Result run(Subquery subquery, Object[] row, Object[] params) {
        Object[] args = subquery.arguments(row, params);
        Map<ValueKey, Subquery.Result> cache = results.computeIfAbsent(subquery, s -> new HashMap<>());
        Object[] key = subquery.correlated()
                ? java.util.Arrays.copyOfRange(args, args.length - subquery.correlations().size(), args.length)
                : new Object[0];
        ValueKey k = new ValueKey(key);
        Subquery.Result r = cache.get(k);
        if (r == null) {
            r = new Subquery.Result(rows((Relation) subquery.body(), args));
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(k, r);
        }
        return r;
    }

    /** Runs a relation (a query or a set operation) with the given parameters. */
    public List<Object[]> rows(Relation relation, Object[] params) {
        if (relation instanceof Query q) {
            QueryPlan plan = plans.computeIfAbsent(q, query -> Planner.plan(query, new Planner.Context(params,
                    planning.statistics(), planning.optimizer(), planning.optimizerName())));
            return Executor.query(plan, tx, params).rows();
        }
        Compound c = (Compound) relation;
        List<Object[]> left = cast(rows(c.left(), params), c.types());
        List<Object[]> out;
        if (c.right() == null) {
            out = left;
        } else {
            List<Object[]> right = cast(rows(c.right(), params), c.types());
            out = combine(c.operator(), c.all(), left, right);
        }
        if (!c.orderBy().isEmpty()) {
            out = new ArrayList<>(out);
            out.sort(comparator(c.orderBy()));
        }
        long offset = Limit.count(c.offset(), params, "OFFSET", 0);
        long limit = Limit.count(c.limit(), params, "LIMIT", Long.MAX_VALUE);
        if (offset > 0 || limit < out.size()) {
            int from = (int) Math.min(offset, out.size());
            int to = (int) Math.min(out.size(), from + Math.min(limit, Integer.MAX_VALUE));
            out = new ArrayList<>(out.subList(from, to));
        }
        return out;
    }

    /** The result of a statement whose top is a set operation. */
    public StatementResult query(Compound compound, Object[] params) {
        return new StatementResult(compound.names(), compound.types(), rows(compound, params), -1);
    }

    private static List<Object[]> cast(List<Object[]> rows, List<ColumnType> types) {
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Object[] c = r.clone();
            for (int i = 0; i < c.length; i++) {
                if (types.get(i) != null) {
                    c[i] = Values.cast(c[i], types.get(i));
                }
            }
            out.add(c);
        }
        return out;
    }

    private static List<Object[]> combine(Compound.Operator op, boolean all, List<Object[]> left,
            List<Object[]> right) {
        Map<ValueKey, int[]> counts = new LinkedHashMap<>();
        for (Object[] r : left) {
            counts.computeIfAbsent(new ValueKey(r), k -> new int[2])[0]++;
        }
        for (Object[] r : right) {
            int[] c = counts.computeIfAbsent(new ValueKey(r), k -> new int[2]);
            c[1]++;
        }
        List<Object[]> out = new ArrayList<>();
        for (Map.Entry<ValueKey, int[]> e : counts.entrySet()) {
            int m = e.getValue()[0];
            int n = e.getValue()[1];
            int copies = switch (op) {
                case UNION -> all ? m + n : 1;
                case INTERSECT -> all ? Math.min(m, n) : (m > 0 && n > 0 ? 1 : 0);
                case EXCEPT -> all ? Math.max(m - n, 0) : (m > 0 && n == 0 ? 1 : 0);
            };
            for (int i = 0; i < copies; i++) {
                out.add(e.getKey().values());
            }
        }
        return out;
    }

    private static Comparator<Object[]> comparator(List<Compound.OrderKey> keys) {
        return (a, b) -> {
            for (Compound.OrderKey k : keys) {
                Object x = a[k.column()];
                Object y = b[k.column()];
                if (x == null || y == null) {
                    if (x == y) {
                        continue;
                    }
                    return (x == null) == k.nullsFirst() ? -1 : 1;
                }
                int c = Values.compare(x, y);
                if (c != 0) {
                    return k.descending() ? -c : c;
                }
            }
            return 0;
        };
    }
}
