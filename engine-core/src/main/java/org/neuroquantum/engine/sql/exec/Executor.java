package org.neuroquantum.engine.sql.exec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neuroquantum.engine.db.RowCursor;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.sql.bind.BoundStatement;
import org.neuroquantum.engine.sql.bind.Query;
import org.neuroquantum.engine.sql.expr.Expr;
import org.neuroquantum.engine.sql.expr.Values;
import org.neuroquantum.engine.sql.plan.AccessPath;
import org.neuroquantum.engine.sql.plan.Planner;
import org.neuroquantum.engine.sql.plan.QueryPlan;
import org.neuroquantum.engine.sql.plan.TableAccess;
import org.neuroquantum.engine.table.Column;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.engine.table.TableSchema;
import org.neuroquantum.engine.txn.Transaction;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

/** Runs SELECT, INSERT, UPDATE and DELETE in a transaction. Stateless. */
public final class Executor {
    private Executor() {
    }

    /** Runs a query plan. */
    public static StatementResult query(QueryPlan plan, Transaction tx, Object[] params) {
        Query q = plan.query();
        List<Object[]> joined = new ArrayList<>();
        if (plan.constantFilter() == null || Expr.holds(plan.constantFilter(), new Object[q.width()], params)) {
            join(plan.tables(), 0, new Object[q.width()], tx, params, joined);
        }
        List<Object[]> rows = q.aggregation() == null ? joined : group(q.aggregation(), joined, params);
        int outputs = q.outputs().size();
        int keys = q.orderBy().size();
        List<Object[]> projected = new ArrayList<>();
        Set<RowKey> seen = q.distinct() ? new HashSet<>() : null;
        for (Object[] row : rows) {
            if (q.having() != null && !Expr.holds(q.having(), row, params)) {
                continue;
            }
            Object[] out = new Object[outputs + keys];
            for (int i = 0; i < outputs; i++) {
                out[i] = q.outputs().get(i).eval(row, params);
            }
            for (int i = 0; i < keys; i++) {
                out[outputs + i] = q.orderBy().get(i).expr().eval(row, params);
            }
            if (seen != null && !seen.add(new RowKey(Arrays.copyOf(out, outputs)))) {
                continue;
            }
            projected.add(out);
        }
        if (keys > 0) {
            projected.sort(comparator(q.orderBy(), outputs));
        }
        long offset = count(q.offset(), params, "OFFSET", 0);
        long limit = count(q.limit(), params, "LIMIT", Long.MAX_VALUE);
        List<Object[]> result = new ArrayList<>();
        for (long i = offset; i < projected.size() && result.size() < limit; i++) {
            Object[] out = projected.get((int) i);
            result.add(keys == 0 ? out : Arrays.copyOf(out, outputs));
        }
        return new StatementResult(q.names(), q.types(), result, -1);
    }

    private static long count(Expr e, Object[] params, String clause, long absent) {
        if (e == null) {
            return absent;
        }
        Object v = e.eval(new Object[0], params);
        if (v == null) {
            return absent;
        }
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 0) {
            throw new NeuroQuantumException(ErrorCode.DATA_INVALID, clause + " must be a non-negative integer, not "
                    + v + ".", "Give a count of rows.");
        }
        return ((Number) v).longValue();
    }

    private static void join(List<TableAccess> tables, int level, Object[] row, Transaction tx, Object[] params,
            List<Object[]> out) {
        if (level == tables.size()) {
            out.add(row.clone());
            return;
        }
        TableAccess access = tables.get(level);
        int offset = access.source().offset();
        int end = offset + access.source().width();
        boolean matched = false;
        try (RowCursor c = open(access, row, tx, params)) {
            while (c.next()) {
                Object[] r = c.row();
                System.arraycopy(r, 0, row, offset, r.length);
                if (Expr.holds(access.filter(), row, params)) {
                    matched = true;
                    if (Expr.holds(access.after(), row, params)) {
                        join(tables, level + 1, row, tx, params, out);
                    }
                }
            }
        }
        Arrays.fill(row, offset, end, null);
        if (!matched && access.source().leftOuter() && Expr.holds(access.after(), row, params)) {
            join(tables, level + 1, row, tx, params, out);
        }
    }

    private static final RowCursor EMPTY = new RowCursor() {
        @Override
        public boolean next() {
            return false;
        }

        @Override
        public Object[] row() {
            throw new IllegalStateException("empty");
        }

        @Override
        public byte[] rowKey() {
            throw new IllegalStateException("empty");
        }

        @Override
        public void close() {
        }
    };

    /** Opens the access path's cursor; key values come from the joined row of the earlier tables. */
    static RowCursor open(TableAccess access, Object[] row, Transaction tx, Object[] params) {
        if (access.source().derived() != null) {
            return SubqueryExecution.open(access.source(), row, params);
        }
        AccessPath p = access.path();
        Table table = access.source().table();
        if (p.kind() == AccessPath.Kind.FULL_SCAN) {
            return table.scan(tx, null, null, false);
        }
        List<Column> key = p.keyColumns();
        int n = p.equals().size();
        Object[] prefix = new Object[n];
        for (int i = 0; i < n; i++) {
            Object v = p.equals().get(i).eval(row, params);
            prefix[i] = v == null ? null : Values.coerceForKey(v, key.get(i).type());
            if (prefix[i] == null && v != null && !Values.comparable(Values.typeOf(v), key.get(i).type())) {
                // A parameter of the wrong kind fails as the filter's comparison would, rather than matching nothing.
                throw new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, "Cannot compare " + key.get(i).name()
                        + " (" + Expr.typeName(key.get(i).type()) + ") with " + p.equals().get(i).describe() + " = "
                        + v + ".", "Pass a value of the column's type.");
            }
            if (prefix[i] == null) {
                // NULL, or a value no key of this type can equal (e.g. 2.5 for an integer): nothing matches.
                return EMPTY;
            }
        }
        Object low = p.low() == null ? null : keyBound(p.low().eval(row, params), key.get(n).type());
        Object high = p.high() == null ? null : keyBound(p.high().eval(row, params), key.get(n).type());
        if (p.low() != null && low == NULL_BOUND || p.high() != null && high == NULL_BOUND) {
            return EMPTY;
        }
        Object[] from = low == null ? prefix : append(prefix, low);
        Object[] to = high == null ? prefix : append(prefix, high);
        if (from.length == 0) {
            from = null;
        }
        if (to.length == 0) {
            to = null;
        }
        return p.kind() == AccessPath.Kind.PRIMARY_KEY ? table.scan(tx, from, to, false)
                : table.indexScan(tx, p.index(), from, to, false);
    }

    private static final Object NULL_BOUND = new Object();

    /** A range bound of the key column's type; null when it cannot be one (the filter applies it instead). */
    private static Object keyBound(Object v, ColumnType type) {
        if (v == null) {
            return NULL_BOUND;
        }
        return Values.coerceForKey(v, type);
    }

    private static Object[] append(Object[] prefix, Object value) {
        Object[] a = Arrays.copyOf(prefix, prefix.length + 1);
        a[prefix.length] = value;
        return a;
    }

    private static Comparator<Object[]> comparator(List<Query.SortKey> keys, int first) {
        return (a, b) -> {
            for (int i = 0; i < keys.size(); i++) {
                Query.SortKey k = keys.get(i);
                Object x = a[first + i];
                Object y = b[first + i];
                int c;
                if (x == null || y == null) {
                    if (x == y) {
                        continue;
                    }
                    // NULL placement is independent of the direction.
                    return (x == null) == k.nullsFirst() ? -1 : 1;
                }
                c = Values.compare(x, y);
                if (c != 0) {
                    return k.descending() ? -c : c;
                }
            }
            return 0;
        };
    }

    // ---- grouping ----

    /** A row usable as a hash key under SQL equality (1 = 1.0, NULL = NULL). */
    private record RowKey(Object[] values) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof RowKey k) || k.values.length != values.length) {
                return false;
            }
            for (int i = 0; i < values.length; i++) {
                if (!Values.same(values[i], k.values[i])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (Object v : values) {
                h = h * 31 + Values.hash(v);
            }
            return h;
        }
    }

    private static List<Object[]> group(Query.Aggregation aggregation, List<Object[]> rows, Object[] params) {
        List<Expr> keys = aggregation.keys();
        List<Query.AggregateCall> calls = aggregation.calls();
        Map<RowKey, Accumulator[]> groups = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Object[] k = new Object[keys.size()];
            for (int i = 0; i < k.length; i++) {
                k[i] = keys.get(i).eval(row, params);
            }
            Accumulator[] acc = groups.computeIfAbsent(new RowKey(k), x -> accumulators(calls));
            for (int i = 0; i < acc.length; i++) {
                Query.AggregateCall call = calls.get(i);
                acc[i].add(call.argument() == null ? Boolean.TRUE : call.argument().eval(row, params));
            }
        }
        if (groups.isEmpty() && keys.isEmpty()) {
            groups.put(new RowKey(new Object[0]), accumulators(calls));
        }
        List<Object[]> out = new ArrayList<>();
        for (Map.Entry<RowKey, Accumulator[]> g : groups.entrySet()) {
            Object[] r = Arrays.copyOf(g.getKey().values, keys.size() + calls.size());
            for (int i = 0; i < calls.size(); i++) {
                r[keys.size() + i] = g.getValue()[i].result();
            }
            out.add(r);
        }
        return out;
    }

    private static Accumulator[] accumulators(List<Query.AggregateCall> calls) {
        Accumulator[] a = new Accumulator[calls.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = new Accumulator(calls.get(i));
        }
        return a;
    }

    /** One aggregate's running state; NULL inputs are ignored (COUNT(*) is fed TRUE for each row). */
    private static final class Accumulator {
        private final Query.AggregateCall call;
        private final Set<RowKey> distinct;
        private long count;
        private Object value;

        Accumulator(Query.AggregateCall call) {
            this.call = call;
            this.distinct = call.distinct() ? new HashSet<>() : null;
        }

        void add(Object v) {
            if (v == null || distinct != null && !distinct.add(new RowKey(new Object[] {v}))) {
                return;
            }
            count++;
            switch (call.function()) {
                case COUNT:
                    break;
                case SUM:
                case AVG:
                    Object term = v instanceof Integer i ? (Object) i.longValue() : v;
                    if (call.function() == Query.Function.AVG && !(v instanceof BigDecimal)) {
                        term = ((Number) v).doubleValue();
                    }
                    value = value == null ? term : Values.arithmetic(Values.Arithmetic.ADD, value, term);
                    break;
                case MIN:
                    value = value == null || Values.compare(v, value) < 0 ? v : value;
                    break;
                case MAX:
                    value = value == null || Values.compare(v, value) > 0 ? v : value;
                    break;
                default:
                    throw new IllegalStateException();
            }
        }

        Object result() {
            return switch (call.function()) {
                case COUNT -> count;
                case AVG -> value == null ? null : value instanceof BigDecimal d
                        ? d.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64) : (Double) value / count;
                default -> value;
            };
        }
    }

    // ---- changes ----

    /** Runs an INSERT; returns the number of rows inserted. */
    public static long insert(BoundStatement.Insert insert, Transaction tx, Object[] params) {
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
            for (Object[] r : query(Planner.plan(insert.query()), tx, params).rows()) {
                Object[] row = new Object[schema.size()];
                for (int i = 0; i < insert.targets().length; i++) {
                    row[insert.targets()[i]] = r[i];
                }
                rows.add(row);
            }
        }
        for (Object[] row : rows) {
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
    private static List<Object[]> affected(Table table, Expr where, Transaction tx, Object[] params) {
        TableAccess access = Planner.plan(table, where);
        List<Object[]> rows = new ArrayList<>();
        try (RowCursor c = open(access, new Object[table.schema().size()], tx, params)) {
            while (c.next()) {
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
        Table table = update.table();
        List<Object[]> rows = affected(table, update.where(), tx, params);
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
        List<Object[]> rows = affected(delete.table(), delete.where(), tx, params);
        for (Object[] kr : rows) {
            delete.table().deleteRow(tx, (byte[]) kr[0]);
        }
        return rows.size();
    }
}
