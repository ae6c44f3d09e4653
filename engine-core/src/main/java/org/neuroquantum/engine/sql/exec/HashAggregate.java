package org.neuroquantum.engine.sql.exec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neuroquantum.engine.sql.bind.Query;
import org.neuroquantum.engine.sql.expr.Expr;
import org.neuroquantum.engine.sql.expr.ValueKey;
import org.neuroquantum.engine.sql.expr.Values;

/**
 * Groups its input by the GROUP BY keys in a hash table and produces one row per group: the keys followed by the
 * aggregate values. Without keys it produces exactly one row (also for no input). Groups come out in the order
 * their first row arrived. The groups (and the values DISTINCT aggregates have seen) count against the working
 * memory.
 */
final class HashAggregate extends Operator {
    private final Operator input;
    private final Query.Aggregation aggregation;
    private final Object[] params;
    private Iterator<Map.Entry<ValueKey, Accumulator[]>> groups;

    HashAggregate(ExecContext ctx, Operator input, Query.Aggregation aggregation, Object[] params) {
        super(ctx, input);
        this.input = input;
        this.aggregation = aggregation;
        this.params = params;
    }

    @Override
    protected void doOpen(Object[] outer) {
        List<Expr> keys = aggregation.keys();
        List<Query.AggregateCall> calls = aggregation.calls();
        Map<ValueKey, Accumulator[]> table = new LinkedHashMap<>();
        long[] bytes = {0};
        input.open(outer);
        try {
            Object[] row;
            while ((row = input.next()) != null) {
                Object[] k = new Object[keys.size()];
                for (int i = 0; i < k.length; i++) {
                    k[i] = keys.get(i).eval(row, params);
                }
                Accumulator[] acc = table.get(new ValueKey(k));
                if (acc == null) {
                    acc = accumulators(calls, bytes);
                    table.put(new ValueKey(k), acc);
                    bytes[0] += ExecContext.sizeOf(k) + 48 + 40L * calls.size();
                    holding(bytes[0]);
                }
                for (int i = 0; i < acc.length; i++) {
                    Query.AggregateCall call = calls.get(i);
                    if (acc[i].add(call.argument() == null ? Boolean.TRUE : call.argument().eval(row, params))) {
                        holding(bytes[0]);
                    }
                }
            }
        } finally {
            input.close();
        }
        if (table.isEmpty() && keys.isEmpty()) {
            table.put(new ValueKey(new Object[0]), accumulators(calls, bytes));
        }
        groups = table.entrySet().iterator();
    }

    @Override
    protected Object[] doNext() {
        if (!groups.hasNext()) {
            return null;
        }
        Map.Entry<ValueKey, Accumulator[]> g = groups.next();
        int keys = aggregation.keys().size();
        Object[] r = Arrays.copyOf(g.getKey().values(), keys + g.getValue().length);
        for (int i = 0; i < g.getValue().length; i++) {
            r[keys + i] = g.getValue()[i].result();
        }
        return r;
    }

    @Override
    protected void doClose() {
        groups = null;
    }

    @Override
    public String label() {
        return aggregation.keys().isEmpty() ? "Aggregate" : "HashAggregate";
    }

    @Override
    public List<String> details() {
        List<String> d = super.details();
        if (!aggregation.keys().isEmpty()) {
            d.add("Group Key: " + String.join(", ", aggregation.keys().stream().map(Expr::describe).toList()));
        }
        return d;
    }

    private static Accumulator[] accumulators(List<Query.AggregateCall> calls, long[] bytes) {
        Accumulator[] a = new Accumulator[calls.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = new Accumulator(calls.get(i), bytes);
        }
        return a;
    }

    /** One aggregate's running state; NULL inputs are ignored (COUNT(*) is fed TRUE for each row). */
    private static final class Accumulator {
        private final Query.AggregateCall call;
        private final Set<ValueKey> distinct;
        private final long[] bytes;
        private long count;
        private Object value;

        Accumulator(Query.AggregateCall call, long[] bytes) {
            this.call = call;
            this.bytes = bytes;
            this.distinct = call.distinct() ? new HashSet<>() : null;
        }

        /** Adds a value; true when it grew the memory held (a new DISTINCT value). */
        boolean add(Object v) {
            boolean grew = false;
            if (v == null) {
                return false;
            }
            if (distinct != null) {
                Object[] one = {v};
                if (!distinct.add(new ValueKey(one))) {
                    return false;
                }
                bytes[0] += ExecContext.sizeOf(one) + 32;
                grew = true;
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
            return grew;
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
}
