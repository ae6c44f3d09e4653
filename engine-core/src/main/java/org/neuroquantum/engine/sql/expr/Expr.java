package org.neuroquantum.engine.sql.expr;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

/**
 * A bound scalar expression. It reads columns of its input row by position and statement parameters by number;
 * a boolean expression yields {@link Boolean#TRUE}, {@link Boolean#FALSE} or {@code null} (UNKNOWN).
 */
public interface Expr {
    /** Evaluates over one input row with the statement's parameter values. */
    Object eval(Object[] row, Object[] params);

    /** The static type of the result, or null when only execution tells (parameters, NULL). */
    ColumnType type();

    /** SQL-like text for plans and messages. */
    String describe();

    /** Whether a WHERE/HAVING/ON condition holds: only TRUE does; FALSE and UNKNOWN filter the row out. */
    static boolean holds(Expr condition, Object[] row, Object[] params) {
        if (condition == null) {
            return true;
        }
        Object v = condition.eval(row, params);
        if (v != null && !(v instanceof Boolean)) {
            throw new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, "The condition " + condition.describe()
                    + " is not a boolean but " + v + ".", "Write a comparison.");
        }
        return Boolean.TRUE.equals(v);
    }

    /** A column of the input row. */
    record ColumnRef(int index, ColumnType type, String name) implements Expr {
        @Override
        public Object eval(Object[] row, Object[] params) {
            return row[index];
        }

        @Override
        public String describe() {
            return name;
        }
    }

    /** A constant. */
    record Literal(Object value) implements Expr {
        @Override
        public Object eval(Object[] row, Object[] params) {
            return value;
        }

        @Override
        public ColumnType type() {
            return Values.typeOf(value);
        }

        @Override
        public String describe() {
            return value == null ? "NULL" : value instanceof String s ? "'" + s.replace("'", "''") + "'"
                    : String.valueOf(value);
        }
    }

    /** A statement parameter {@code ?}, numbered from 1. */
    record Parameter(int number) implements Expr {
        @Override
        public Object eval(Object[] row, Object[] params) {
            if (params == null || number > params.length) {
                throw new NeuroQuantumException(ErrorCode.PARAMETER_INVALID, "Parameter " + number + " has no value.",
                        "Set every parameter before executing.");
            }
            return params[number - 1];
        }

        @Override
        public ColumnType type() {
            return null;
        }

        @Override
        public String describe() {
            return "$" + number;
        }
    }

    /** Comparison operators. */
    enum CompareOp {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        CompareOp(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in SQL. */
        public String symbol() {
            return symbol;
        }

        boolean test(int c) {
            return switch (this) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
            };
        }

        /** The operator with its operands swapped ({@code a < b} is {@code b > a}). */
        public CompareOp flip() {
            return switch (this) {
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
                default -> this;
            };
        }
    }

    /** {@code left op right}; UNKNOWN when either side is NULL. */
    record Comparison(CompareOp op, Expr left, Expr right) implements Expr {
        @Override
        public Object eval(Object[] row, Object[] params) {
            Object a = left.eval(row, params);
            if (a == null) {
                return null;
            }
            Object b = right.eval(row, params);
            return b == null ? null : op.test(Values.compare(a, b));
        }

        @Override
        public ColumnType type() {
            return ColumnType.BOOLEAN;
        }

        @Override
        public String describe() {
            return left.describe() + " " + op.symbol() + " " + right.describe();
        }
    }

    /** Three-valued AND: FALSE wins over UNKNOWN. */
    record And(Expr left, Expr right) implements Expr {
        @Override
        public Object eval(Object[] row, Object[] params) {
            Object a = left.eval(row, params);
            if (Boolean.FALSE.equals(a)) {
                return false;
            }
            Object b = right.eval(row, params);
            if (Boolean.FALSE.equals(b)) {
                return false;
            }
            return a == null || b == null ? null : true;
        }

        @Override
        public ColumnType type() {
            return ColumnType.BOOLEAN;
        }

        @Override
        public String describe() {
            return "(" + left.describe() + " AND " + right.describe() + ")";
        }
    }

    /** Three-valued OR: TRUE wins over UNKNOWN. */
    record Or(Expr left, Expr right) implements Expr {
        @Override
        public Object eval(Object[] row, Object[] params) {
            Object a = left.eval(row, params);
            if (Boolean.TRUE.equals(a)) {
                return true;
            }
            Object b = right.eval(row, params);
            if (Boolean.TRUE.equals(b)) {
                return true;
            }
            return a == null || b == null ? null : false;
        }

        @Override
        public ColumnType type() {
            return ColumnType.BOOLEAN;
        }

        @Override
        public String describe() {
            return "(" + left.describe() + " OR " + right.describe() + ")";
        }
    }

    /** NOT: UNKNOWN stays UNKNOWN. */
    record Not(Expr operand) implements Expr {
        @Override
        public Object eval(Object[] row, Object[] params) {
            Object v = operand.eval(row, params);
            if (v != null && !(v instanceof Boolean)) {
                throw new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, "NOT needs a boolean, not " + v + ".",
                        "Apply NOT to a condition.");
            }
            return v == null ? null : !(Boolean) v;
        }

        @Override
        public ColumnType type() {
            return ColumnType.BOOLEAN;
        }

        @Override
        public String describe() {
            return "NOT " + operand.describe();
        }
    }

    /** {@code IS [NOT] NULL}: never UNKNOWN. */
    record IsNull(Expr operand, boolean negated) implements Expr {
        @Override
        public Object eval(Object[] row, Object[] params) {
            return (operand.eval(row, params) == null) != negated;
        }

        @Override
        public ColumnType type() {
            return ColumnType.BOOLEAN;
        }

        @Override
        public String describe() {
            return operand.describe() + (negated ? " IS NOT NULL" : " IS NULL");
        }
    }

    /** {@code x [NOT] IN (a, b, …)}: TRUE on a match, else UNKNOWN if x or any element is NULL, else FALSE. */
    record In(Expr operand, List<Expr> list, boolean negated) implements Expr {
        public In {
            list = List.copyOf(list);
        }

        @Override
        public Object eval(Object[] row, Object[] params) {
            Object x = operand.eval(row, params);
            if (x == null) {
                return null;
            }
            boolean unknown = false;
            for (Expr e : list) {
                Object v = e.eval(row, params);
                if (v == null) {
                    unknown = true;
                } else if (Values.compare(x, v) == 0) {
                    return !negated;
                }
            }
            return unknown ? null : negated;
        }

        @Override
        public ColumnType type() {
            return ColumnType.BOOLEAN;
        }

        @Override
        public String describe() {
            StringBuilder b = new StringBuilder(operand.describe()).append(negated ? " NOT IN (" : " IN (");
            for (int i = 0; i < list.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(list.get(i).describe());
            }
            return b.append(')').toString();
        }
    }

    /** {@code x [NOT] LIKE pattern}. */
    final class Like implements Expr {
        private final Expr operand;
        private final Expr pattern;
        private final boolean negated;
        private final Pattern constant;

        public Like(Expr operand, Expr pattern, boolean negated) {
            this.operand = operand;
            this.pattern = pattern;
            this.negated = negated;
            this.constant = pattern instanceof Literal l && l.value() instanceof String s ? Values.likePattern(s)
                    : null;
        }

        @Override
        public Object eval(Object[] row, Object[] params) {
            Object x = operand.eval(row, params);
            Object p = pattern.eval(row, params);
            if (x == null || p == null) {
                return null;
            }
            if (!(x instanceof String s) || !(p instanceof String ps)) {
                throw Values.mismatch("apply LIKE to", x, p);
            }
            Pattern compiled = constant != null ? constant : Values.likePattern(ps);
            return compiled.matcher(s).matches() != negated;
        }

        @Override
        public ColumnType type() {
            return ColumnType.BOOLEAN;
        }

        @Override
        public String describe() {
            return operand.describe() + (negated ? " NOT LIKE " : " LIKE ") + pattern.describe();
        }
    }

    /** {@code left op right} for + - * / %. */
    record Arithmetic(Values.Arithmetic op, Expr left, Expr right) implements Expr {
        @Override
        public Object eval(Object[] row, Object[] params) {
            return Values.arithmetic(op, left.eval(row, params), right.eval(row, params));
        }

        @Override
        public ColumnType type() {
            return Values.arithmeticType(left.type(), right.type());
        }

        @Override
        public String describe() {
            return "(" + left.describe() + " " + op.symbol() + " " + right.describe() + ")";
        }
    }

    /** Unary minus. */
    record Negate(Expr operand) implements Expr {
        @Override
        public Object eval(Object[] row, Object[] params) {
            return Values.negate(operand.eval(row, params));
        }

        @Override
        public ColumnType type() {
            return operand.type();
        }

        @Override
        public String describe() {
            return "-" + operand.describe();
        }
    }

    /** {@code CAST(operand AS type)}. */
    record Cast(Expr operand, ColumnType type) implements Expr {
        @Override
        public Object eval(Object[] row, Object[] params) {
            return Values.cast(operand.eval(row, params), type);
        }

        @Override
        public String describe() {
            return "CAST(" + operand.describe() + " AS " + typeName(type) + ")";
        }
    }

    /**
     * {@code CASE [operand] WHEN w THEN t … [ELSE e] END}: the first WHEN that holds (or equals the operand) picks
     * its THEN; without a match the ELSE, or NULL.
     */
    record Case(Expr operand, List<Expr> whens, List<Expr> thens, Expr otherwise, ColumnType type) implements Expr {
        public Case {
            whens = List.copyOf(whens);
            thens = List.copyOf(thens);
        }

        @Override
        public Object eval(Object[] row, Object[] params) {
            Object x = operand == null ? null : operand.eval(row, params);
            for (int i = 0; i < whens.size(); i++) {
                boolean match;
                if (operand == null) {
                    match = holds(whens.get(i), row, params);
                } else {
                    Object w = whens.get(i).eval(row, params);
                    match = x != null && w != null && Values.compare(x, w) == 0;
                }
                if (match) {
                    return result(thens.get(i).eval(row, params));
                }
            }
            return otherwise == null ? null : result(otherwise.eval(row, params));
        }

        private Object result(Object v) {
            return type == null || v == null ? v : Values.cast(v, type);
        }

        @Override
        public String describe() {
            StringBuilder b = new StringBuilder("CASE");
            if (operand != null) {
                b.append(' ').append(operand.describe());
            }
            for (int i = 0; i < whens.size(); i++) {
                b.append(" WHEN ").append(whens.get(i).describe()).append(" THEN ").append(thens.get(i).describe());
            }
            if (otherwise != null) {
                b.append(" ELSE ").append(otherwise.describe());
            }
            return b.append(" END").toString();
        }
    }

    /** The scalar functions. */
    enum Function {
        COALESCE, NULLIF, LOWER, UPPER, LENGTH, ABS, SUBSTRING, ROUND
    }

    /** A call of a scalar function; all but COALESCE return NULL for a NULL argument. */
    record Call(Function function, List<Expr> arguments, ColumnType type) implements Expr {
        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public Object eval(Object[] row, Object[] params) {
            if (function == Function.COALESCE) {
                for (Expr a : arguments) {
                    Object v = a.eval(row, params);
                    if (v != null) {
                        return type == null ? v : Values.cast(v, type);
                    }
                }
                return null;
            }
            Object v = arguments.get(0).eval(row, params);
            if (v == null) {
                return null;
            }
            return switch (function) {
                case NULLIF -> {
                    Object w = arguments.get(1).eval(row, params);
                    yield w != null && Values.compare(v, w) == 0 ? null : v;
                }
                case LOWER -> text(v).toLowerCase(Locale.ROOT);
                case UPPER -> text(v).toUpperCase(Locale.ROOT);
                case LENGTH -> text(v).codePointCount(0, text(v).length());
                case ABS -> Values.compare(v, 0) < 0 ? Values.negate(v) : v;
                case SUBSTRING -> substring(text(v), row, params);
                case ROUND -> round(v, row, params);
                default -> throw new IllegalStateException(function.name());
            };
        }

        /** SQL's SUBSTRING: positions from 1, characters before position 1 count against the length. */
        private Object substring(String s, Object[] row, Object[] params) {
            Object start = arguments.get(1).eval(row, params);
            Object length = arguments.size() > 2 ? arguments.get(2).eval(row, params) : null;
            if (start == null || arguments.size() > 2 && length == null) {
                return null;
            }
            long from = ((Number) Values.cast(start, ColumnType.BIGINT)).longValue();
            long end = length == null ? Long.MAX_VALUE : from + ((Number) Values.cast(length, ColumnType.BIGINT))
                    .longValue();
            if (length != null && end < from) {
                throw new NeuroQuantumException(ErrorCode.DATA_INVALID, "SUBSTRING with a negative length.",
                        "Give a length of zero or more.");
            }
            int count = s.codePointCount(0, s.length());
            long b = Math.max(from, 1);
            long e = Math.min(end, count + 1L);
            if (e <= b) {
                return "";
            }
            return s.substring(s.offsetByCodePoints(0, (int) b - 1), s.offsetByCodePoints(0, (int) e - 1));
        }

        /** ROUND(x [, digits]): half away from zero, in x's type. */
        private Object round(Object v, Object[] row, Object[] params) {
            Object d = arguments.size() > 1 ? arguments.get(1).eval(row, params) : Integer.valueOf(0);
            if (d == null) {
                return null;
            }
            int digits = ((Number) Values.cast(d, ColumnType.INTEGER)).intValue();
            if (v instanceof Integer || v instanceof Long) {
                if (digits >= 0) {
                    return v;
                }
                java.math.BigDecimal r = java.math.BigDecimal.valueOf(((Number) v).longValue())
                        .setScale(digits, java.math.RoundingMode.HALF_UP);
                return Values.cast(r, v instanceof Integer ? ColumnType.INTEGER : ColumnType.BIGINT);
            }
            if (v instanceof java.math.BigDecimal b) {
                return b.setScale(digits, java.math.RoundingMode.HALF_UP);
            }
            if (v instanceof Double x) {
                if (x.isNaN() || x.isInfinite()) {
                    return x;
                }
                return java.math.BigDecimal.valueOf(x).setScale(digits, java.math.RoundingMode.HALF_UP).doubleValue();
            }
            throw new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, "ROUND needs a number, not " + v + ".",
                    "Apply it to numbers.");
        }

        private String text(Object v) {
            if (!(v instanceof String s)) {
                throw new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, function + " needs text, not " + v + ".",
                        "Apply it to text.");
            }
            return s;
        }

        @Override
        public String describe() {
            StringBuilder b = new StringBuilder(function.name()).append('(');
            for (int i = 0; i < arguments.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(arguments.get(i).describe());
            }
            return b.append(')').toString();
        }
    }

    /**
     * A value of an enclosing query read by a correlated sub-query: the sub-query runs with the statement parameters
     * followed by its correlation values (see {@link Subquery#arguments}), and this reads slot {@code slot} of those.
     */
    record OuterRef(Subquery owner, int slot, ColumnType type, String name) implements Expr {
        @Override
        public Object eval(Object[] row, Object[] params) {
            return params[params.length - owner.correlationCount() + slot];
        }

        @Override
        public String describe() {
            return "outer " + name;
        }
    }

    /** {@code (SELECT x …)}: NULL without rows, the value of the one row, an error for more than one row. */
    record ScalarSubquery(Subquery subquery, ColumnType type) implements Expr {
        @Override
        public Object eval(Object[] row, Object[] params) {
            List<Object[]> rows = SubqueryRunner.current().run(subquery, row, params).rows();
            if (rows.size() > 1) {
                throw new NeuroQuantumException(ErrorCode.DATA_INVALID, "A scalar sub-query returned " + rows.size()
                        + " rows: " + subquery.describe() + ".", "Make it return at most one row (an aggregate, "
                        + "a key condition or LIMIT 1).");
            }
            return rows.isEmpty() ? null : rows.get(0)[0];
        }

        @Override
        public String describe() {
            return subquery.describe();
        }
    }

    /**
     * {@code x [NOT] IN (SELECT …)}: TRUE on a match; otherwise UNKNOWN when x is NULL or the sub-query yields a
     * NULL (and at least one row); otherwise FALSE. NOT inverts TRUE and FALSE.
     */
    record InSubquery(Expr operand, Subquery subquery, boolean negated) implements Expr {
        @Override
        public Object eval(Object[] row, Object[] params) {
            Object x = operand.eval(row, params);
            Subquery.Result r = SubqueryRunner.current().run(subquery, row, params);
            if (r.rows().isEmpty()) {
                return negated;
            }
            if (x == null) {
                return null;
            }
            if (r.contains(x)) {
                return !negated;
            }
            return r.hasNull() ? null : negated;
        }

        @Override
        public ColumnType type() {
            return ColumnType.BOOLEAN;
        }

        @Override
        public String describe() {
            return operand.describe() + (negated ? " NOT IN " : " IN ") + subquery.describe();
        }
    }

    /** {@code [NOT] EXISTS (SELECT …)}: never UNKNOWN. */
    record Exists(Subquery subquery, boolean negated) implements Expr {
        @Override
        public Object eval(Object[] row, Object[] params) {
            return SubqueryRunner.current().run(subquery, row, params).rows().isEmpty() == negated;
        }

        @Override
        public ColumnType type() {
            return ColumnType.BOOLEAN;
        }

        @Override
        public String describe() {
            return (negated ? "NOT EXISTS " : "EXISTS ") + subquery.describe();
        }
    }

    /** {@code a || b}: text concatenation (other types as their text); NULL if either side is NULL. */
    record Concat(Expr left, Expr right) implements Expr {
        @Override
        public Object eval(Object[] row, Object[] params) {
            Object a = left.eval(row, params);
            Object b = right.eval(row, params);
            if (a == null || b == null) {
                return null;
            }
            return Values.cast(a, ColumnType.VARCHAR) + (String) Values.cast(b, ColumnType.VARCHAR);
        }

        @Override
        public ColumnType type() {
            return ColumnType.VARCHAR;
        }

        @Override
        public String describe() {
            return "(" + left.describe() + " || " + right.describe() + ")";
        }
    }

    /** Fields of {@code EXTRACT} and units of {@code INTERVAL}. */
    enum DateField {
        YEAR, MONTH, DAY
    }

    /** {@code EXTRACT(field FROM d)} of a DATE or TIMESTAMP: an INTEGER. */
    record Extract(DateField field, Expr operand) implements Expr {
        @Override
        public Object eval(Object[] row, Object[] params) {
            Object v = operand.eval(row, params);
            if (v == null) {
                return null;
            }
            java.time.LocalDate d = v instanceof java.time.LocalDateTime t ? t.toLocalDate()
                    : v instanceof java.time.LocalDate x ? x : (java.time.LocalDate) Values.cast(v, ColumnType.DATE);
            return switch (field) {
                case YEAR -> d.getYear();
                case MONTH -> d.getMonthValue();
                case DAY -> d.getDayOfMonth();
            };
        }

        @Override
        public ColumnType type() {
            return ColumnType.INTEGER;
        }

        @Override
        public String describe() {
            return "EXTRACT(" + field + " FROM " + operand.describe() + ")";
        }
    }

    /**
     * {@code d + INTERVAL 'n' unit} (n negative for {@code -}) on a DATE or TIMESTAMP. Adding months or years keeps
     * the day of month, clamped to the month's last day (PostgreSQL's rule).
     */
    record DateAdd(Expr operand, long amount, DateField unit) implements Expr {
        @Override
        public Object eval(Object[] row, Object[] params) {
            Object v = operand.eval(row, params);
            if (v == null) {
                return null;
            }
            if (v instanceof java.time.LocalDateTime t) {
                return switch (unit) {
                    case YEAR -> t.plusYears(amount);
                    case MONTH -> t.plusMonths(amount);
                    case DAY -> t.plusDays(amount);
                };
            }
            java.time.LocalDate d = v instanceof java.time.LocalDate x ? x
                    : (java.time.LocalDate) Values.cast(v, ColumnType.DATE);
            return switch (unit) {
                case YEAR -> d.plusYears(amount);
                case MONTH -> d.plusMonths(amount);
                case DAY -> d.plusDays(amount);
            };
        }

        @Override
        public ColumnType type() {
            return operand.type() == ColumnType.TIMESTAMP ? ColumnType.TIMESTAMP : ColumnType.DATE;
        }

        @Override
        public String describe() {
            return "(" + operand.describe() + (amount < 0 ? " - " : " + ") + "INTERVAL '" + Math.abs(amount) + "' "
                    + unit + ")";
        }
    }

    /**
     * Whether an expression runs a correlated sub-query: costly per row (an uncorrelated one runs once and is then a
     * lookup), so the planner checks it as late as it can.
     */
    static boolean hasCorrelatedSubquery(Expr e) {
        if (e instanceof ScalarSubquery s) {
            return s.subquery().correlated();
        }
        if (e instanceof InSubquery s) {
            return s.subquery().correlated() || hasCorrelatedSubquery(s.operand());
        }
        if (e instanceof Exists s) {
            return s.subquery().correlated();
        }
        if (e instanceof And a) {
            return hasCorrelatedSubquery(a.left()) || hasCorrelatedSubquery(a.right());
        }
        if (e instanceof Or o) {
            return hasCorrelatedSubquery(o.left()) || hasCorrelatedSubquery(o.right());
        }
        if (e instanceof Not n) {
            return hasCorrelatedSubquery(n.operand());
        }
        if (e instanceof Comparison c) {
            return hasCorrelatedSubquery(c.left()) || hasCorrelatedSubquery(c.right());
        }
        if (e instanceof Arithmetic a) {
            return hasCorrelatedSubquery(a.left()) || hasCorrelatedSubquery(a.right());
        }
        if (e instanceof Case c) {
            return c.operand() != null && hasCorrelatedSubquery(c.operand()) || c.whens().stream().anyMatch(Expr::hasCorrelatedSubquery)
                    || c.thens().stream().anyMatch(Expr::hasCorrelatedSubquery)
                    || c.otherwise() != null && hasCorrelatedSubquery(c.otherwise());
        }
        if (e instanceof Call c) {
            return c.arguments().stream().anyMatch(Expr::hasCorrelatedSubquery);
        }
        if (e instanceof In in) {
            return hasCorrelatedSubquery(in.operand()) || in.list().stream().anyMatch(Expr::hasCorrelatedSubquery);
        }
        if (e instanceof IsNull n) {
            return hasCorrelatedSubquery(n.operand());
        }
        if (e instanceof Cast c) {
            return hasCorrelatedSubquery(c.operand());
        }
        if (e instanceof Negate n) {
            return hasCorrelatedSubquery(n.operand());
        }
        return false;
    }

    /** Collects the positions of the input columns an expression reads. */
    static void columns(Expr e, java.util.BitSet into) {
        if (e instanceof ColumnRef c) {
            into.set(c.index());
        } else if (e instanceof Comparison c) {
            columns(c.left(), into);
            columns(c.right(), into);
        } else if (e instanceof And a) {
            columns(a.left(), into);
            columns(a.right(), into);
        } else if (e instanceof Or o) {
            columns(o.left(), into);
            columns(o.right(), into);
        } else if (e instanceof Not n) {
            columns(n.operand(), into);
        } else if (e instanceof IsNull n) {
            columns(n.operand(), into);
        } else if (e instanceof In in) {
            columns(in.operand(), into);
            in.list().forEach(x -> columns(x, into));
        } else if (e instanceof Like l) {
            columns(l.operand, into);
            columns(l.pattern, into);
        } else if (e instanceof Arithmetic a) {
            columns(a.left(), into);
            columns(a.right(), into);
        } else if (e instanceof Negate n) {
            columns(n.operand(), into);
        } else if (e instanceof Cast c) {
            columns(c.operand(), into);
        } else if (e instanceof Case c) {
            if (c.operand() != null) {
                columns(c.operand(), into);
            }
            c.whens().forEach(x -> columns(x, into));
            c.thens().forEach(x -> columns(x, into));
            if (c.otherwise() != null) {
                columns(c.otherwise(), into);
            }
        } else if (e instanceof Call c) {
            c.arguments().forEach(x -> columns(x, into));
        } else if (e instanceof ScalarSubquery s) {
            s.subquery().correlations().forEach(x -> columns(x, into));
        } else if (e instanceof InSubquery s) {
            columns(s.operand(), into);
            s.subquery().correlations().forEach(x -> columns(x, into));
        } else if (e instanceof Exists s) {
            s.subquery().correlations().forEach(x -> columns(x, into));
        } else if (e instanceof Concat c) {
            columns(c.left(), into);
            columns(c.right(), into);
        } else if (e instanceof Extract x) {
            columns(x.operand(), into);
        } else if (e instanceof DateAdd d) {
            columns(d.operand(), into);
        } else if (e instanceof OuterRef) {
            return;
        } else if (!(e instanceof Literal) && !(e instanceof Parameter)) {
            throw new IllegalStateException("unknown expression " + e.getClass());
        }
    }

    /** The text of a type for messages. */
    static String typeName(ColumnType t) {
        return t == null ? "unknown" : t.name().toLowerCase(Locale.ROOT);
    }
}
