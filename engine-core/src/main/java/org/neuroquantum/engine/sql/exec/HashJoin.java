package org.neuroquantum.engine.sql.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.neuroquantum.engine.sql.expr.Expr;
import org.neuroquantum.engine.sql.expr.ValueKey;

/**
 * Builds a hash table on the inner input (read once, its own columns only) keyed by {@code innerKeys}, then
 * probes it with {@code outerKeys} of each outer row. NULL keys never match (as {@code =} never holds for them).
 * A candidate pair must also pass {@code residual} (the other conjuncts joining the two sides; for a LEFT JOIN
 * the rest of the ON condition) and {@code after}. A LEFT JOIN passes on outer rows without a match with NULLs.
 * The hash table counts against the working memory.
 */
final class HashJoin extends Operator {
    private final Operator outer;
    private final Operator inner;
    private final List<Expr> outerKeys;
    private final List<Expr> innerKeys;
    private final Expr residual;
    private final Expr after;
    private final boolean leftOuter;
    private final int offset;
    private final int innerWidth;
    private final Object[] params;
    private Map<ValueKey, List<Object[]>> table;
    private Object[] current;
    private Iterator<Object[]> candidates;
    private boolean matched;

    HashJoin(ExecContext ctx, Operator outer, Operator inner, List<Expr> outerKeys, List<Expr> innerKeys,
            Expr residual, Expr after, boolean leftOuter, int offset, int innerWidth, Object[] params) {
        super(ctx, outer, inner);
        this.outer = outer;
        this.inner = inner;
        this.outerKeys = outerKeys;
        this.innerKeys = innerKeys;
        this.residual = residual;
        this.after = after;
        this.leftOuter = leftOuter;
        this.offset = offset;
        this.innerWidth = innerWidth;
        this.params = params;
    }

    @Override
    protected void doOpen(Object[] outerRow) {
        table = null;
        current = null;
        outer.open(outerRow);
    }

    private void build() {
        table = new HashMap<>();
        long bytes = 0;
        inner.open(null);
        try {
            Object[] r;
            while ((r = inner.next()) != null) {
                Object[] key = keys(innerKeys, r);
                if (key == null) {
                    continue;
                }
                Object[] own = Arrays.copyOfRange(r, offset, offset + innerWidth);
                bytes += ExecContext.sizeOf(own) + ExecContext.sizeOf(key) + 48;
                holding(bytes);
                table.computeIfAbsent(new ValueKey(key), k -> new ArrayList<>(2)).add(own);
            }
        } finally {
            inner.close();
        }
    }

    private Object[] keys(List<Expr> exprs, Object[] row) {
        Object[] key = new Object[exprs.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = exprs.get(i).eval(row, params);
            if (key[i] == null) {
                return null;
            }
        }
        return key;
    }

    @Override
    protected Object[] doNext() {
        if (table == null) {
            build();
        }
        while (true) {
            if (current == null) {
                current = outer.next();
                if (current == null) {
                    return null;
                }
                Object[] key = keys(outerKeys, current);
                List<Object[]> rows = key == null ? null : table.get(new ValueKey(key));
                candidates = rows == null ? null : rows.iterator();
                matched = false;
            }
            while (candidates != null && candidates.hasNext()) {
                Object[] row = current.clone();
                System.arraycopy(candidates.next(), 0, row, offset, innerWidth);
                if (Expr.holds(residual, row, params)) {
                    matched = true;
                    if (Expr.holds(after, row, params)) {
                        return row;
                    }
                }
                ctx.check();
            }
            Object[] l = current;
            current = null;
            if (leftOuter && !matched && Expr.holds(after, l, params)) {
                return l;
            }
        }
    }

    @Override
    protected void doClose() {
        outer.close();
        inner.close();
        table = null;
    }

    @Override
    public String label() {
        return "Hash Join" + (leftOuter ? " Left" : "");
    }

    @Override
    public List<String> details() {
        List<String> d = super.details();
        StringBuilder b = new StringBuilder("Hash Cond: ");
        for (int i = 0; i < outerKeys.size(); i++) {
            b.append(i == 0 ? "(" : " AND (").append(outerKeys.get(i).describe()).append(" = ")
                    .append(innerKeys.get(i).describe()).append(')');
        }
        d.add(b.toString());
        if (residual != null) {
            d.add("Join Filter: " + residual.describe());
        }
        if (after != null) {
            d.add("Filter: " + after.describe());
        }
        return d;
    }
}
