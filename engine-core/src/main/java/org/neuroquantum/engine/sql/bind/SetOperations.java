package org.neuroquantum.engine.sql.bind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.SetOperation;
import net.sf.jsqlparser.statement.select.SetOperationList;
import org.neuroquantum.engine.sql.expr.Expr;
import org.neuroquantum.engine.sql.expr.Subquery;
import org.neuroquantum.engine.sql.expr.Values;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

/** Binds {@code UNION}, {@code INTERSECT} and {@code EXCEPT}; INTERSECT binds tighter than the other two. */
final class SetOperations {
    private SetOperations() {
    }

    static Relation bind(Binder binder, SetOperationList list, Binder.Scope outer, Subquery owner) {
        List<Relation> operands = new ArrayList<>();
        for (var select : list.getSelects()) {
            operands.add(binder.operand(select, outer, owner));
        }
        List<Compound.Operator> ops = new ArrayList<>();
        List<Boolean> all = new ArrayList<>();
        for (SetOperation op : list.getOperations()) {
            String text = op.toString().toUpperCase(Locale.ROOT).strip();
            Compound.Operator o;
            if (text.startsWith("UNION")) {
                o = Compound.Operator.UNION;
            } else if (text.startsWith("INTERSECT")) {
                o = Compound.Operator.INTERSECT;
            } else if (text.startsWith("EXCEPT") || text.startsWith("MINUS")) {
                o = Compound.Operator.EXCEPT;
            } else {
                throw Binder.unsupported("set operation " + text);
            }
            ops.add(o);
            all.add(text.endsWith(" ALL"));
        }
        // INTERSECT first, then UNION and EXCEPT from left to right.
        for (int i = 0; i < ops.size(); ) {
            if (ops.get(i) == Compound.Operator.INTERSECT) {
                operands.set(i, combine(ops.get(i), all.get(i), operands.get(i), operands.remove(i + 1)));
                ops.remove(i);
                all.remove(i);
            } else {
                i++;
            }
        }
        Relation r = operands.get(0);
        for (int i = 0; i < ops.size(); i++) {
            r = combine(ops.get(i), all.get(i), r, operands.get(i + 1));
        }
        boolean tail = list.getOrderByElements() != null && !list.getOrderByElements().isEmpty()
                || list.getLimit() != null || list.getOffset() != null;
        if (!tail) {
            return r;
        }
        if (list.getFetch() != null) {
            throw Binder.unsupported("FETCH FIRST (use LIMIT)");
        }
        Compound c = r instanceof Compound x ? x
                : new Compound(Compound.Operator.UNION, true, r, null, r.types(), List.of(), null, null);
        List<Compound.OrderKey> keys = new ArrayList<>();
        if (list.getOrderByElements() != null) {
            for (OrderByElement o : list.getOrderByElements()) {
                int column = column(o.getExpression(), c.names());
                boolean descending = !o.isAsc();
                boolean nullsFirst = o.getNullOrdering() == null ? descending
                        : o.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST;
                keys.add(new Compound.OrderKey(column, descending, nullsFirst));
            }
        }
        Binder.ExprBinder constant = binder.new ExprBinder(new Binder.Scope(List.of(), outer, owner), null);
        Expr limit = null;
        Expr offset = null;
        if (list.getLimit() != null) {
            Expression rows = list.getLimit().getRowCount();
            if (rows != null && !(rows instanceof AllColumns) && !(rows instanceof NullValue)) {
                limit = constant.bind(rows);
            }
            if (list.getLimit().getOffset() != null) {
                offset = constant.bind(list.getLimit().getOffset());
            }
        }
        if (list.getOffset() != null) {
            offset = constant.bind(list.getOffset().getOffset());
        }
        return new Compound(c.operator(), c.all(), c.left(), c.right(), c.types(), keys, limit, offset);
    }

    private static int column(Expression e, List<String> names) {
        if (e instanceof LongValue v) {
            long p = v.getValue();
            if (p < 1 || p > names.size()) {
                throw new NeuroQuantumException(ErrorCode.UNDEFINED_COLUMN, "ORDER BY position " + p
                        + " is not in the select list (1 to " + names.size() + ").", "Use a position in range.");
            }
            return (int) p - 1;
        }
        if (e instanceof Column c && c.getTable() == null) {
            String n = Binder.name(c.getColumnName());
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(n)) {
                    return i;
                }
            }
            throw new NeuroQuantumException(ErrorCode.UNDEFINED_COLUMN, "ORDER BY " + n + " is not a column of the "
                    + "set operation's result (" + String.join(", ", names) + ").", "Order by a result column.");
        }
        throw Binder.unsupported("ORDER BY an expression after a set operation (order by result columns or "
                + "positions)");
    }

    private static Compound combine(Compound.Operator op, boolean all, Relation left, Relation right) {
        List<ColumnType> l = left.types();
        List<ColumnType> r = right.types();
        if (l.size() != r.size()) {
            throw new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, "Each side of " + op + " must have as many "
                    + "columns: " + l.size() + " and " + r.size() + ".", "Select the same number of columns.");
        }
        List<ColumnType> types = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            ColumnType a = l.get(i);
            ColumnType b = r.get(i);
            if (a == null || b == null || a == b) {
                types.add(a == null ? b : a);
            } else if (Values.numeric(a) && Values.numeric(b)) {
                types.add(Values.arithmeticType(a, b));
            } else {
                throw new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, op + " column " + (i + 1) + " mixes "
                        + Expr.typeName(a) + " and " + Expr.typeName(b) + ".", "CAST one side.");
            }
        }
        return new Compound(op, all, left, right, types, List.of(), null, null);
    }
}
