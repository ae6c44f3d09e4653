package org.neuroquantum.engine.sql.expr;

/** A tuple of values usable as a hash key under SQL equality for grouping and sets (1 = 1.0, NULL = NULL). */
public record ValueKey(Object[] values) {
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ValueKey k) || k.values.length != values.length) {
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

    @Override
    public String toString() {
        return java.util.Arrays.toString(values);
    }
}
