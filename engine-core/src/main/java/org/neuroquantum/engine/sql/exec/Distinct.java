package org.neuroquantum.engine.sql.exec;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.neuroquantum.engine.sql.expr.ValueKey;

/**
 * Passes on the first row of each distinct value of its first {@code columns} columns (the output columns; sort
 * keys after them ride along). The set of values seen counts against the working memory.
 */
final class Distinct extends Operator {
    private final Operator input;
    private final int columns;
    private Set<ValueKey> seen;
    private long bytes;

    Distinct(ExecContext ctx, Operator input, int columns) {
        super(ctx, input);
        this.input = input;
        this.columns = columns;
    }

    @Override
    protected void doOpen(Object[] outer) {
        seen = new HashSet<>();
        bytes = 0;
        input.open(outer);
    }

    @Override
    protected Object[] doNext() {
        Object[] r;
        while ((r = input.next()) != null) {
            Object[] key = Arrays.copyOf(r, columns);
            if (seen.add(new ValueKey(key))) {
                bytes += ExecContext.sizeOf(key) + 32;
                holding(bytes);
                return r;
            }
        }
        return null;
    }

    @Override
    protected void doClose() {
        input.close();
        seen = null;
    }

    @Override
    public String label() {
        return "HashDistinct";
    }
}
