package org.neuroquantum.engine.sql.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.neuroquantum.engine.db.RowCursor;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.sql.bind.BoundStatement;
import org.neuroquantum.engine.sql.bind.Query;
import org.neuroquantum.engine.sql.expr.Expr;
import org.neuroquantum.engine.sql.expr.SubqueryRunner;
import org.neuroquantum.engine.sql.expr.Values;
import org.neuroquantum.engine.sql.plan.AccessPath;
import org.neuroquantum.engine.sql.plan.Planner;
import org.neuroquantum.engine.sql.plan.QueryPlan;
import org.neuroquantum.engine.sql.plan.TableAccess;
import org.neuroquantum.engine.table.Column;
import org.neuroquantum.engine.table.TableSchema;
import org.neuroquantum.engine.txn.Transaction;
import org.neuroquantum.spi.optimizer.JoinAlgorithm;

/**
 * Turns plans into operator trees and runs INSERT, UPDATE and DELETE. Stateless.
 *
 * <p>A SELECT becomes, bottom up: the join tree (a left-deep tree of {@link Scan}s joined by
 * {@link NestedLoopJoin} or {@link HashJoin} in the plan's order), a {@link Result} for conjuncts reading no
 * column, {@link HashAggregate} for GROUP BY and aggregates, a {@link Filter} for HAVING, {@link Project} (output
 * columns followed by the ORDER BY keys), {@link Distinct}, {@link Sort} and {@link Limit}. The tree is pulled row
 * by row through {@link #cursor}; only Sort, HashAggregate, Distinct and a hash join's build side hold rows.
 */
public final class Executor {
    private Executor() {
    }

    /** The rows of one FROM source through its access path: the single place mapping sources to row sources. */
    static RowSource source(Query.Source source, AccessPath path, Transaction tx) {
        if (source.derived() != null) {
            return new DerivedSource(source);
        }
        return new TableSource(source.table(), source.alias(), path, tx);
    }

    /** Builds the operator tree of a planned query. */
    public static Operator build(QueryPlan plan, Transaction tx, Object[] params, ExecContext ctx) {
        Query q = plan.query();
        int width = q.width();
        Operator node = null;
        for (TableAccess t : plan.tables()) {
            Query.Source s = t.source();
            int own = s.width();
            if (node == null) {
                node = new Scan(ctx, source(s, t.path(), tx), s.offset(), width, t.filter(), params)
                        .estimate(t.loopRows());
                if (t.after() != null) {
                    node = new Filter(ctx, node, t.after(), params, "Filter").estimate(t.rows());
                }
            } else if (t.join() == JoinAlgorithm.HASH_JOIN) {
                Operator build = new Scan(ctx, source(s, t.buildPath(), tx), s.offset(), width, t.buildFilter(),
                        params).estimate(t.loopRows());
                node = new HashJoin(ctx, node, build, t.outerKeys(), t.innerKeys(), t.residual(), t.after(),
                        s.leftOuter(), s.offset(), own, params).estimate(t.rows());
            } else {
                Operator inner = new Scan(ctx, source(s, t.path(), tx), s.offset(), width, t.filter(), params)
                        .estimate(t.loopRows());
                node = new NestedLoopJoin(ctx, node, inner, s.leftOuter(), t.join() == JoinAlgorithm.INDEX_NESTED_LOOP
                        || t.join() == null && t.path().kind() != AccessPath.Kind.FULL_SCAN, t.after(), params)
                        .estimate(t.rows());
            }
        }
        if (node == null || plan.constantFilter() != null) {
            node = new Result(ctx, node, plan.constantFilter(), width, params).estimate(plan.joinRows());
        }
        double rows = plan.joinRows();
        if (q.aggregation() != null) {
            rows = plan.groups();
            node = new HashAggregate(ctx, node, q.aggregation(), params).estimate(rows);
        }
        if (q.having() != null) {
            rows = Math.max(1, rows / 3);
            node = new Filter(ctx, node, q.having(), params, "Having").estimate(rows);
        }
        List<Expr> exprs = new ArrayList<>(q.outputs());
        for (Query.SortKey k : q.orderBy()) {
            exprs.add(k.expr());
        }
        node = new Project(ctx, node, exprs, params).estimate(rows);
        if (q.distinct()) {
            node = new Distinct(ctx, node, q.outputs().size()).estimate(rows);
        }
        if (!q.orderBy().isEmpty()) {
            node = new Sort(ctx, node, q.orderBy(), q.outputs().size()).estimate(rows);
        }
        if (q.limit() != null || q.offset() != null) {
            double limited = rows;
            if (q.limit() instanceof Expr.Literal l && l.value() instanceof Number n) {
                limited = Math.min(rows, n.doubleValue());
            }
            node = new Limit(ctx, node, q.limit(), q.offset(), exprs.size(), params).estimate(limited);
        }
        return node;
    }

    /**
     * A cursor pulling rows from {@code root} (opened at the first row), cut to the first {@code outputs} columns.
     * Execution time counts towards the context's timeout only while a row is being produced.
     */
    public static StatementResult.Cursor cursor(Operator root, int outputs, ExecContext ctx) {
        return new StatementResult.Cursor() {
            private boolean opened;
            private boolean done;
            private long returned;

            @Override
            public Object[] next() {
                if (done) {
                    return null;
                }
                SubqueryRunner runner = ctx.subqueries();
                return runner == null ? produce() : SubqueryRunner.with(runner, this::produce);
            }

            private Object[] produce() {
                ctx.resume();
                try {
                    if (!opened) {
                        opened = true;
                        root.open(null);
                    }
                    Object[] r = root.next();
                    if (r == null) {
                        done = true;
                        root.close();
                        return null;
                    }
                    ctx.returned(++returned);
                    return r.length == outputs ? r : Arrays.copyOf(r, outputs);
                } catch (RuntimeException e) {
                    done = true;
                    root.close();
                    throw e;
                } finally {
                    ctx.pause();
                }
            }

            @Override
            public void close() {
                if (!done) {
                    done = true;
                    root.close();
                }
            }
        };
    }

    /** Runs a query plan to the end (no limits): for internal callers and tests. */
    public static StatementResult query(QueryPlan plan, Transaction tx, Object[] params) {
        return query(plan, tx, params, ExecContext.unlimited());
    }

    /** Runs a query plan to the end under {@code ctx}. */
    public static StatementResult query(QueryPlan plan, Transaction tx, Object[] params, ExecContext ctx) {
        Query q = plan.query();
        StatementResult r = StatementResult.streaming(q.names(), q.types(),
                cursor(build(plan, tx, params, ctx), q.outputs().size(), ctx), ctx);
        return new StatementResult(q.names(), q.types(), r.rows(), -1);
    }

    // ---- changes ----

    /** Runs an INSERT; returns the number of rows inserted. */
    public static long insert(BoundStatement.Insert insert, Transaction tx, Object[] params) {
        return insert(insert, tx, params, ExecContext.unlimited(), Planner.Context.none());
    }

    /** Runs an INSERT under {@code ctx}; an {@code INSERT … SELECT} is planned with {@code planning}. */
    public static long insert(BoundStatement.Insert insert, Transaction tx, Object[] params, ExecContext ctx,
            Planner.Context planning) {
        Table table = insert.table();
        TableSchema schema = table.schema();
        List<Object[]> rows = new ArrayList<>();
        if (insert.rows() != null) {
            Object[] none = new Object[0];
            for (Expr[] exprs : insert.rows()) {
                Object[] row = new Object[exprs.length];
                for (int i = 0; i < row.length; i++) {
                    row[i] = exprs[i].eval(none, params);
                }
                rows.add(row);
            }
        } else {
            // Read the whole result first: the statement must not see its own rows (INSERT INTO t SELECT … FROM t).
            for (Object[] r : query(Planner.plan(insert.query(), planning), tx, params, ctx).rows()) {
                Object[] row = new Object[schema.size()];
                for (int i = 0; i < insert.targets().length; i++) {
                    row[insert.targets()[i]] = r[i];
                }
                rows.add(row);
            }
        }
        for (Object[] row : rows) {
            ctx.check();
            coerceRow(schema, row);
            table.insert(tx, row);
        }
        return rows.size();
    }

    private static void coerceRow(TableSchema schema, Object[] row) {
        for (int i = 0; i < row.length; i++) {
            Column c = schema.columns().get(i);
            row[i] = Values.coerce(row[i], c.type(), c.name());
        }
    }

    /** The rows (key, values) an UPDATE or DELETE affects, read before any is changed. */
    private static List<Object[]> affected(Table table, Expr where, Transaction tx, Object[] params,
            ExecContext ctx) {
        TableAccess access = Planner.plan(table, where);
        List<Object[]> rows = new ArrayList<>();
        try (RowCursor c = TableSource.cursor(table, access.path(), new Object[table.schema().size()], tx,
                params)) {
            while (c.next()) {
                ctx.check();
                Object[] row = c.row();
                if (Expr.holds(access.filter(), row, params)) {
                    rows.add(new Object[] {c.rowKey(), row});
                }
            }
        }
        return rows;
    }

    /** Runs an UPDATE; returns the number of rows updated. */
    public static long update(BoundStatement.Update update, Transaction tx, Object[] params) {
        return update(update, tx, params, ExecContext.unlimited());
    }

    /** Runs an UPDATE under {@code ctx}. */
    public static long update(BoundStatement.Update update, Transaction tx, Object[] params, ExecContext ctx) {
        Table table = update.table();
        List<Object[]> rows = affected(table, update.where(), tx, params, ctx);
        for (Object[] kr : rows) {
            Object[] old = (Object[]) kr[1];
            Object[] row = old.clone();
            for (int i = 0; i < update.columns().length; i++) {
                Column c = table.schema().columns().get(update.columns()[i]);
                row[update.columns()[i]] = Values.coerce(update.values()[i].eval(old, params), c.type(), c.name());
            }
            table.updateRow(tx, (byte[]) kr[0], row);
        }
        return rows.size();
    }

    /** Runs a DELETE; returns the number of rows deleted. */
    public static long delete(BoundStatement.Delete delete, Transaction tx, Object[] params) {
        return delete(delete, tx, params, ExecContext.unlimited());
    }

    /** Runs a DELETE under {@code ctx}. */
    public static long delete(BoundStatement.Delete delete, Transaction tx, Object[] params, ExecContext ctx) {
        List<Object[]> rows = affected(delete.table(), delete.where(), tx, params, ctx);
        for (Object[] kr : rows) {
            delete.table().deleteRow(tx, (byte[]) kr[0]);
        }
        return rows.size();
    }
}
