package org.neuroquantum.engine.sql.exec;

import org.neuroquantum.engine.sql.expr.Values;

/** A row usable as a hash key under SQL equality (1 = 1.0, NULL = NULL). */
record RowKey(Object[] values) {
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
