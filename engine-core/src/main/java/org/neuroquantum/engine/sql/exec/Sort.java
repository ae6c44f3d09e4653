package org.neuroquantum.engine.sql.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.neuroquantum.engine.sql.bind.Query;
import org.neuroquantum.engine.sql.expr.Values;

/**
 * Reads its whole input and passes it on ordered by the sort keys, which are the row's columns from
 * {@code first} on (stable: equal rows keep their input order). The rows held count against the working memory.
 */
final class Sort extends Operator {
    private final Operator input;
    private final List<Query.SortKey> keys;
    private final int first;
    private List<Object[]> rows;
    private int position;

    Sort(ExecContext ctx, Operator input, List<Query.SortKey> keys, int first) {
        super(ctx, input);
        this.input = input;
        this.keys = keys;
        this.first = first;
    }

    @Override
    protected void doOpen(Object[] outer) {
        rows = new ArrayList<>();
        long bytes = 0;
        input.open(outer);
        try {
            Object[] r;
            while ((r = input.next()) != null) {
                bytes += ExecContext.sizeOf(r) + 8;
                holding(bytes);
                rows.add(r);
            }
        } finally {
            input.close();
        }
        rows.sort(comparator(keys, first));
        position = 0;
    }

    @Override
    protected Object[] doNext() {
        return position < rows.size() ? rows.get(position++) : null;
    }

    @Override
    protected void doClose() {
        rows = null;
    }

    @Override
    public String label() {
        return "Sort";
    }

    @Override
    public List<String> details() {
        List<String> d = super.details();
        StringBuilder b = new StringBuilder("Sort Key: ");
        for (int i = 0; i < keys.size(); i++) {
            Query.SortKey k = keys.get(i);
            b.append(i == 0 ? "" : ", ").append(k.expr().describe()).append(k.descending() ? " DESC" : "")
                    .append(k.nullsFirst() != k.descending() ? " NULLS " + (k.nullsFirst() ? "FIRST" : "LAST") : "");
        }
        d.add(b.toString());
        return d;
    }

    static Comparator<Object[]> comparator(List<Query.SortKey> keys, int first) {
        return (a, b) -> {
            for (int i = 0; i < keys.size(); i++) {
                Query.SortKey k = keys.get(i);
                Object x = a[first + i];
                Object y = b[first + i];
                if (x == null || y == null) {
                    if (x == y) {
                        continue;
                    }
                    // NULL placement is independent of the direction.
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
