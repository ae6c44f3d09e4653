package org.neuroquantum.engine.sql.exec;

import java.util.Arrays;
import java.util.List;
import org.neuroquantum.engine.db.RowCursor;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.sql.expr.Expr;
import org.neuroquantum.engine.sql.expr.Values;
import org.neuroquantum.engine.sql.plan.AccessPath;
import org.neuroquantum.engine.table.Column;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.engine.txn.Transaction;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

/** A storage table read through an access path: a full scan, a primary key range or an index range. */
final class TableSource implements RowSource {
    private final Table table;
    private final String alias;
    private final AccessPath path;
    private final Transaction tx;

    TableSource(Table table, String alias, AccessPath path, Transaction tx) {
        this.table = table;
        this.alias = alias;
        this.path = path;
        this.tx = tx;
    }

    @Override
    public Rows open(Object[] outer, Object[] params) {
        RowCursor c = cursor(table, path, outer, tx, params);
        return new Rows() {
            @Override
            public Object[] next() {
                return c.next() ? c.row() : null;
            }

            @Override
            public void close() {
                c.close();
            }
        };
    }

    @Override
    public String describe() {
        String name = table.name() + (alias.equalsIgnoreCase(table.name()) ? "" : " " + alias);
        return switch (path.kind()) {
            case FULL_SCAN -> "Seq Scan on " + name;
            case PRIMARY_KEY -> "Primary Key Scan on " + name;
            case INDEX -> "Index Scan using " + path.index() + " on " + name;
        };
    }

    @Override
    public String condition() {
        if (path.kind() == AccessPath.Kind.FULL_SCAN) {
            return null;
        }
        String d = path.describe();
        return d.substring(d.indexOf('('));
    }

    /** Opens the access path's cursor; key values come from the joined row of the earlier tables. */
    static RowCursor cursor(Table table, AccessPath p, Object[] row, Transaction tx, Object[] params) {
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
}
