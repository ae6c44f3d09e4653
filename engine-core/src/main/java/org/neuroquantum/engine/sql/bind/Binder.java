package org.neuroquantum.engine.sql.bind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimestampValue;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import org.neuroquantum.engine.config.Suggestions;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.sql.expr.Expr;
import org.neuroquantum.engine.sql.expr.Expr.CompareOp;
import org.neuroquantum.engine.sql.expr.Subquery;
import org.neuroquantum.engine.sql.system.SystemTables;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.engine.table.TableSchema;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

/** Binds JSqlParser statements against a database's catalog. One binder per statement; not thread-safe. */
public final class Binder {
    private final Database database;

    public Binder(Database database) {
        this.database = database;
    }

    /** Binds one statement. */
    public BoundStatement bind(Statement statement) {
        if (statement instanceof CreateTable c) {
            return createTable(c);
        }
        if (statement instanceof Drop d) {
            if ("INDEX".equalsIgnoreCase(d.getType())) {
                return new BoundStatement.DropIndex(name(d.getName().getName()), d.isIfExists());
            }
            if (!"TABLE".equalsIgnoreCase(d.getType())) {
                throw unsupported("DROP " + d.getType());
            }
            return new BoundStatement.DropTable(name(d.getName().getName()), d.isIfExists());
        }
        if (statement instanceof CreateIndex c) {
            Index index = c.getIndex();
            List<String> columns = index.getColumnsNames().stream().map(Binder::name).toList();
            return new BoundStatement.CreateIndex(name(c.getTable().getName()), name(index.getName()),
                    "UNIQUE".equalsIgnoreCase(index.getType()), columns);
        }
        if (statement instanceof Insert i) {
            return insert(i);
        }
        if (statement instanceof PlainSelect || statement instanceof SetOperationList
                || statement instanceof ParenthesedSelect) {
            Relation r = relation((Select) statement, null, null);
            return r instanceof Query q ? new BoundStatement.Select(q)
                    : new BoundStatement.CompoundSelect((Compound) r);
        }
        if (statement instanceof Select s) {
            throw unsupported(s.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
                    + " (" + firstWords(s.toString()) + ")");
        }
        if (statement instanceof Update u) {
            return update(u);
        }
        if (statement instanceof Delete d) {
            return delete(d);
        }
        throw unsupported("the statement " + firstWords(statement.toString()));
    }

    private static String firstWords(String sql) {
        String s = sql.strip();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static NeuroQuantumException unsupported(String what) {
        return new NeuroQuantumException(ErrorCode.FEATURE_NOT_SUPPORTED, "Not supported yet: " + what + ".",
                "See docs/sql.md for the SQL that NeuroQuantumDB understands.");
    }

    /** An identifier without its quotes. */
    static String name(String identifier) {
        if (identifier.length() >= 2 && (identifier.startsWith("\"") && identifier.endsWith("\"")
                || identifier.startsWith("`") && identifier.endsWith("`"))) {
            return identifier.substring(1, identifier.length() - 1);
        }
        return identifier;
    }

    // ---- DDL ----

    private BoundStatement createTable(CreateTable c) {
        if (c.getSelect() != null || c.getLikeTable() != null) {
            throw unsupported("CREATE TABLE … AS/LIKE");
        }
        TableSchema.Builder b = TableSchema.builder();
        List<String> key = new ArrayList<>();
        List<List<String>> unique = new ArrayList<>();
        for (ColumnDefinition d : c.getColumnDefinitions()) {
            String column = name(d.getColumnName());
            ColumnType type = type(d.getColDataType(), column);
            boolean notNull = false;
            String defaultValue = null;
            List<String> specs = d.getColumnSpecs() == null ? List.of() : d.getColumnSpecs();
            for (int i = 0; i < specs.size(); i++) {
                String spec = specs.get(i).toUpperCase(Locale.ROOT);
                String next = i + 1 < specs.size() ? specs.get(i + 1).toUpperCase(Locale.ROOT) : "";
                if (spec.equals("NOT") && next.equals("NULL")) {
                    notNull = true;
                    i++;
                } else if (spec.equals("NULL")) {
                    notNull = false;
                } else if (spec.equals("PRIMARY") && next.equals("KEY")) {
                    key.add(column);
                    i++;
                } else if (spec.equals("UNIQUE")) {
                    unique.add(List.of(column));
                } else if (spec.equals("DEFAULT") && i + 1 < specs.size()) {
                    // JSqlParser keeps the default as raw text; a typed literal may span two specs (DATE '…').
                    String text = specs.get(++i);
                    if (i + 1 < specs.size() && specs.get(i + 1).startsWith("'") && text.matches("(?i)DATE|TIMESTAMP")) {
                        text = text + " " + specs.get(++i);
                    }
                    defaultValue = defaultLiteral(text, type, column);
                } else {
                    throw unsupported("column option " + String.join(" ", specs.subList(i, specs.size()))
                            + " (column " + column + ")");
                }
            }
            b.add(new org.neuroquantum.engine.table.Column(column, type, !notNull, defaultValue));
        }
        if (c.getIndexes() != null) {
            for (Index index : c.getIndexes()) {
                List<String> columns = index.getColumnsNames().stream().map(Binder::name).toList();
                String type = index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT);
                if (type.equals("PRIMARY KEY")) {
                    if (!key.isEmpty()) {
                        throw new NeuroQuantumException(ErrorCode.INVALID_DEFINITION, "Table " + c.getTable().getName()
                                + " has more than one primary key.", "Declare one PRIMARY KEY.");
                    }
                    key.addAll(columns);
                } else if (type.equals("UNIQUE")) {
                    unique.add(columns);
                } else {
                    throw unsupported("table constraint " + index);
                }
            }
        }
        b.primaryKey(key.toArray(String[]::new));
        return new BoundStatement.CreateTable(name(c.getTable().getName()), b.build(), c.isIfNotExists(), unique);
    }

    /**
     * Checks a column's DEFAULT (a constant that fits the column) and returns it as canonical SQL text for the
     * catalog.
     */
    static String defaultLiteral(String text, ColumnType type, String column) {
        Object value = constant(text, "DEFAULT of column " + column);
        Object v = org.neuroquantum.engine.sql.expr.Values.coerce(value, type, column);
        if (v == null) {
            return null;
        }
        return switch (type) {
            case VARCHAR -> "'" + ((String) v).replace("'", "''") + "'";
            case DATE -> "DATE '" + v + "'";
            case TIMESTAMP -> "TIMESTAMP '" + v.toString().replace('T', ' ') + "'";
            case DECIMAL -> ((BigDecimal) v).toPlainString();
            case BLOB -> throw unsupported("DEFAULT for a BLOB column (" + column + ")");
            default -> String.valueOf(v).toUpperCase(Locale.ROOT);
        };
    }

    private static final java.util.Map<String, Object> DEFAULTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The value of a constant SQL expression (a literal, possibly signed or typed). */
    private static Object constant(String text, String what) {
        Expression e;
        try {
            e = net.sf.jsqlparser.parser.CCJSqlParserUtil.parseExpression(text);
        } catch (net.sf.jsqlparser.JSQLParserException ex) {
            throw new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, "The " + what + " is not a value: " + text + ".",
                    "Write a literal such as 5, 'text' or DATE '2024-01-31'.");
        }
        Expr bound = new Binder(null).new ExprBinder(new Scope(List.of()), null).bind(e);
        if (!(bound instanceof Expr.Literal l)) {
            throw unsupported(what + " that is not a constant (" + text + ")");
        }
        return l.value();
    }

    /** The value an INSERT stores in a column it omits: the column's DEFAULT, or NULL. */
    static Expr defaultOf(org.neuroquantum.engine.table.Column c) {
        if (c.defaultValue() == null) {
            return new Expr.Literal(null);
        }
        Object v = DEFAULTS.computeIfAbsent(c.type() + ":" + c.defaultValue(),
                k -> java.util.Optional.ofNullable(org.neuroquantum.engine.sql.expr.Values.coerce(
                        constant(c.defaultValue(), "DEFAULT of column " + c.name()), c.type(), c.name())));
        return new Expr.Literal(((java.util.Optional<?>) v).orElse(null));
    }

    /** The column type of a SQL type name; lengths and precisions are accepted and not enforced. */
    static ColumnType type(ColDataType t, String column) {
        String n = t.getDataType().toUpperCase(Locale.ROOT).replaceAll("\\s*\\(.*", "").strip();
        return switch (n) {
            case "BOOLEAN", "BOOL" -> ColumnType.BOOLEAN;
            case "INT", "INTEGER", "INT4", "SMALLINT", "TINYINT", "INT2" -> ColumnType.INTEGER;
            case "BIGINT", "INT8" -> ColumnType.BIGINT;
            case "DOUBLE", "DOUBLE PRECISION", "FLOAT", "FLOAT8", "REAL", "FLOAT4" -> ColumnType.DOUBLE;
            case "DECIMAL", "NUMERIC", "DEC" -> ColumnType.DECIMAL;
            case "VARCHAR", "CHAR", "CHARACTER", "CHARACTER VARYING", "TEXT", "STRING", "CLOB", "NVARCHAR" ->
                ColumnType.VARCHAR;
            case "DATE" -> ColumnType.DATE;
            case "TIMESTAMP", "DATETIME" -> ColumnType.TIMESTAMP;
            case "BLOB", "BYTEA", "VARBINARY", "BINARY", "BINARY VARYING" -> ColumnType.BLOB;
            default -> throw new NeuroQuantumException(ErrorCode.INVALID_DEFINITION, "Unknown type " + t.getDataType()
                    + (column == null ? "" : " of column " + column) + ".", "Use one of BOOLEAN, INTEGER, BIGINT, "
                    + "DOUBLE, DECIMAL, VARCHAR/TEXT, DATE, TIMESTAMP, BLOB.");
        };
    }

    // ---- DML ----

    private BoundStatement insert(Insert insert) {
        Table table = database.table(name(insert.getTable().getName()));
        TableSchema schema = table.schema();
        int[] targets;
        if (insert.getColumns() == null || insert.getColumns().isEmpty()) {
            targets = new int[schema.size()];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = i;
            }
        } else {
            targets = new int[insert.getColumns().size()];
            for (int i = 0; i < targets.length; i++) {
                String c = name(insert.getColumns().get(i).getColumnName());
                targets[i] = schema.indexOf(c);
                if (targets[i] < 0) {
                    throw unknownColumn(c, List.of(new Query.Source(table, table.name(), 0)));
                }
                for (int j = 0; j < i; j++) {
                    if (targets[j] == targets[i]) {
                        throw new NeuroQuantumException(ErrorCode.INVALID_DEFINITION, "Column " + c
                                + " is named twice in the INSERT.", "Name each column once.");
                    }
                }
            }
        }
        Select select = insert.getSelect();
        if (select instanceof Values values) {
            List<Expr[]> rows = new ArrayList<>();
            ExpressionList<?> list = values.getExpressions();
            // JSqlParser gives one row as a parenthesised list of values, several rows as a list of such lists.
            List<List<Expression>> tuples = new ArrayList<>();
            if (list instanceof ParenthesedExpressionList<?>) {
                tuples.add(new ArrayList<>(list));
            } else {
                for (Expression e : list) {
                    tuples.add(e instanceof ParenthesedExpressionList<?> p ? new ArrayList<>(p) : List.of(e));
                }
            }
            Scope empty = new Scope(List.of());
            for (List<Expression> tuple : tuples) {
                if (tuple.size() != targets.length) {
                    throw new NeuroQuantumException(ErrorCode.DATA_INVALID, "The INSERT names " + targets.length
                            + " column(s) but a row of VALUES has " + tuple.size() + " value(s).",
                            "Give one value per column.");
                }
                Expr[] row = new Expr[schema.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = defaultOf(schema.columns().get(i));
                }
                for (int i = 0; i < targets.length; i++) {
                    Expression value = tuple.get(i);
                    if (value instanceof Column k && k.getTable() == null
                            && k.getColumnName().equalsIgnoreCase("DEFAULT")) {
                        continue;
                    }
                    row[targets[i]] = new ExprBinder(empty, null).bind(value);
                    checkAssignable(row[targets[i]], schema.columns().get(targets[i]).type(),
                            schema.columns().get(targets[i]).name());
                }
                rows.add(row);
            }
            return new BoundStatement.Insert(table, rows, null, targets);
        }
        if (select instanceof PlainSelect s) {
            Query q = (Query) relation(s, null, null);
            if (q.outputs().size() != targets.length) {
                throw new NeuroQuantumException(ErrorCode.DATA_INVALID, "The INSERT names " + targets.length
                        + " column(s) but the SELECT yields " + q.outputs().size() + ".", "Give one value per column.");
            }
            for (int i = 0; i < targets.length; i++) {
                checkAssignable(q.outputs().get(i), schema.columns().get(targets[i]).type(),
                        schema.columns().get(targets[i]).name());
            }
            // Omitted columns with a DEFAULT become constant outputs of the query (they change no DISTINCT).
            List<Expr> outputs = new ArrayList<>(q.outputs());
            List<String> names = new ArrayList<>(q.names());
            List<Integer> all = new ArrayList<>();
            for (int t : targets) {
                all.add(t);
            }
            for (int i = 0; i < schema.size(); i++) {
                if (!all.contains(i) && schema.columns().get(i).defaultValue() != null) {
                    outputs.add(defaultOf(schema.columns().get(i)));
                    names.add(schema.columns().get(i).name());
                    all.add(i);
                }
            }
            if (outputs.size() > q.outputs().size()) {
                q = new Query(q.sources(), q.where(), q.aggregation(), q.having(), outputs, names, q.orderBy(),
                        q.distinct(), q.limit(), q.offset(), q.width());
                targets = all.stream().mapToInt(Integer::intValue).toArray();
            }
            return new BoundStatement.Insert(table, null, q, targets);
        }
        if (select != null) {
            throw unsupported("INSERT … SELECT with a set operation or a parenthesised query at its top");
        }
        throw unsupported("INSERT without VALUES or SELECT");
    }

    private static void checkAssignable(Expr e, ColumnType target, String column) {
        ColumnType t = e.type();
        if (t == null || t == target || org.neuroquantum.engine.sql.expr.Values.numeric(t)
                && org.neuroquantum.engine.sql.expr.Values.numeric(target)) {
            return;
        }
        if (t == ColumnType.VARCHAR && (target == ColumnType.DATE || target == ColumnType.TIMESTAMP)) {
            return;
        }
        if (t == ColumnType.DATE && target == ColumnType.TIMESTAMP || t == ColumnType.TIMESTAMP
                && target == ColumnType.DATE) {
            return;
        }
        throw new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, "Column " + column + " is of type "
                + Expr.typeName(target) + " but " + e.describe() + " is of type " + Expr.typeName(t) + ".",
                "Give a value of the column's type, or CAST it.");
    }

    private BoundStatement update(Update u) {
        if (u.getJoins() != null && !u.getJoins().isEmpty() || u.getFromItem() != null) {
            throw unsupported("UPDATE with FROM or joins");
        }
        Table table = database.table(name(u.getTable().getName()));
        String alias = u.getTable().getAlias() != null ? name(u.getTable().getAlias().getName()) : table.name();
        Scope scope = new Scope(List.of(new Query.Source(table, alias, 0)));
        List<Integer> columns = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        for (UpdateSet set : u.getUpdateSets()) {
            if (set.getColumns().size() != set.getValues().size()) {
                throw unsupported("UPDATE SET (…) = (SELECT …)");
            }
            for (int i = 0; i < set.getColumns().size(); i++) {
                Expr.ColumnRef c = (Expr.ColumnRef) scope.resolve(set.getColumns().get(i));
                if (columns.contains(c.index())) {
                    throw new NeuroQuantumException(ErrorCode.INVALID_DEFINITION, "Column " + c.name()
                            + " is assigned twice.", "Assign each column once.");
                }
                Expr v = new ExprBinder(scope, null).bind(set.getValues().get(i));
                checkAssignable(v, c.type(), c.name());
                columns.add(c.index());
                values.add(v);
            }
        }
        Expr where = u.getWhere() == null ? null : condition(new ExprBinder(scope, null).bind(u.getWhere()), "WHERE");
        return new BoundStatement.Update(table, where, columns.stream().mapToInt(Integer::intValue).toArray(),
                values.toArray(Expr[]::new));
    }

    private BoundStatement delete(Delete d) {
        if (d.getJoins() != null && !d.getJoins().isEmpty() || d.getUsingList() != null && !d.getUsingList().isEmpty()) {
            throw unsupported("DELETE with USING or joins");
        }
        Table table = database.table(name(d.getTable().getName()));
        String alias = d.getTable().getAlias() != null ? name(d.getTable().getAlias().getName()) : table.name();
        Scope scope = new Scope(List.of(new Query.Source(table, alias, 0)));
        Expr where = d.getWhere() == null ? null : condition(new ExprBinder(scope, null).bind(d.getWhere()), "WHERE");
        return new BoundStatement.Delete(table, where);
    }

    static Expr condition(Expr e, String clause) {
        if (e.type() != null && e.type() != ColumnType.BOOLEAN) {
            throw new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, "The " + clause + " condition "
                    + e.describe() + " is of type " + Expr.typeName(e.type()) + ", not boolean.",
                    "Write a condition, e.g. a comparison.");
        }
        return e;
    }

    // ---- SELECT ----

    /**
     * Binds a query expression: a SELECT, a set operation or a parenthesised query, with its WITH queries.
     *
     * @param outer the scope of the enclosing query for a sub-query (its columns may be referenced), else null
     * @param owner the sub-query being bound (it collects the references to {@code outer}), else null
     */
    private Relation relation(Select select, Scope outer, Subquery owner) {
        List<WithItem<?>> with = select.getWithItemsList();
        if (with == null || with.isEmpty()) {
            return relationBody(select, outer, owner);
        }
        java.util.Map<String, Cte> added = new java.util.LinkedHashMap<>();
        ctes.push(added);
        try {
            for (WithItem<?> w : with) {
                if (w.isRecursive()) {
                    throw unsupported("WITH RECURSIVE");
                }
                String cteName = name(w.getAlias().getName());
                // A WITH query sees the ones before it, not the enclosing query's columns.
                Relation body = relation(w.getSelect(), null, null);
                List<String> names = body.names();
                if (w.getWithItemList() != null && !w.getWithItemList().isEmpty()) {
                    if (w.getWithItemList().size() != names.size()) {
                        throw new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, "WITH " + cteName + " names "
                                + w.getWithItemList().size() + " column(s) but its query yields " + names.size() + ".",
                                "Name each column once.");
                    }
                    names = w.getWithItemList().stream().map(i -> name(i.toString())).toList();
                }
                added.put(cteName.toLowerCase(Locale.ROOT), new Cte(body, names));
            }
            return relationBody(select, outer, owner);
        } finally {
            ctes.pop();
        }
    }

    private Relation relationBody(Select select, Scope outer, Subquery owner) {
        if (select instanceof PlainSelect s) {
            return query(s, outer, owner);
        }
        if (select instanceof ParenthesedSelect p) {
            if (p.getOrderByElements() != null && !p.getOrderByElements().isEmpty() || p.getLimit() != null
                    || p.getOffset() != null) {
                throw unsupported("ORDER BY or LIMIT after a parenthesised query");
            }
            return relation(p.getSelect(), outer, owner);
        }
        if (select instanceof SetOperationList list) {
            return SetOperations.bind(this, list, outer, owner);
        }
        throw unsupported(select.getClass().getSimpleName() + " (" + firstWords(select.toString()) + ")");
    }

    /** For {@link SetOperations}: binds one operand. */
    Relation operand(Select select, Scope outer, Subquery owner) {
        return relation(select, outer, owner);
    }

    /** A WITH query visible by name in FROM. */
    private record Cte(Relation body, List<String> names) {
    }

    private final java.util.Deque<java.util.Map<String, Cte>> ctes = new java.util.ArrayDeque<>();

    private Cte cte(String tableName) {
        for (java.util.Map<String, Cte> level : ctes) {
            Cte c = level.get(tableName.toLowerCase(Locale.ROOT));
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private Query query(PlainSelect s, Scope outer, Subquery owner) {
        List<Query.Source> sources = new ArrayList<>();
        List<Expression> conditions = new ArrayList<>();
        List<Collection<Expression>> leftConditions = new ArrayList<>();
        int width = 0;
        if (s.getFromItem() != null) {
            width = addSource(sources, s.getFromItem(), width, outer);
            leftConditions.add(null);
            if (s.getJoins() != null) {
                for (Join j : s.getJoins()) {
                    boolean left = j.isLeft() && !j.isRight() && !j.isFull();
                    if (j.isRight() || j.isFull() || (j.isOuter() && !left) || j.isNatural() || j.isApply()
                            || j.isSemi() || (j.getUsingColumns() != null && !j.getUsingColumns().isEmpty())) {
                        throw unsupported("right, full, natural and USING joins (inner and left joins work)");
                    }
                    width = addSource(sources, j.getFromItem(), width, outer);
                    Collection<Expression> on = j.getOnExpressions() == null ? List.of() : j.getOnExpressions();
                    if (left) {
                        if (on.isEmpty()) {
                            throw new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, "LEFT JOIN " + j.getFromItem()
                                    + " needs an ON condition.", "Add ON ….");
                        }
                        leftConditions.add(on);
                    } else {
                        leftConditions.add(null);
                        conditions.addAll(on);
                    }
                }
            }
        }
        Scope scope = new Scope(sources, outer, owner);
        for (int i = 0; i < sources.size(); i++) {
            if (leftConditions.get(i) != null) {
                Expr on = null;
                for (Expression c : leftConditions.get(i)) {
                    Expr e = factorOr(condition(new ExprBinder(scope, null).bind(c), "ON"));
                    on = on == null ? e : new Expr.And(on, e);
                }
                sources.set(i, sources.get(i).leftJoined(on));
            }
        }
        Expr where = null;
        if (s.getWhere() != null) {
            conditions.add(s.getWhere());
        }
        for (Expression c : conditions) {
            Expr e = factorOr(condition(new ExprBinder(scope, null).bind(c), "WHERE"));
            where = where == null ? e : new Expr.And(where, e);
        }

        boolean grouped = s.getGroupBy() != null || s.getHaving() != null
                || s.getSelectItems().stream().anyMatch(i -> ExprBinder.containsAggregate(i.getExpression()))
                || s.getOrderByElements() != null
                && s.getOrderByElements().stream().anyMatch(o -> ExprBinder.containsAggregate(o.getExpression()));
        Grouping grouping = null;
        if (grouped) {
            List<Expr> keys = new ArrayList<>();
            if (s.getGroupBy() != null) {
                for (Object o : s.getGroupBy().getGroupByExpressionList()) {
                    keys.add(new ExprBinder(scope, null).bind((Expression) o));
                }
            }
            grouping = new Grouping(keys);
        }
        ExprBinder outputBinder = new ExprBinder(scope, grouping);
        List<Expr> outputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (SelectItem<?> item : s.getSelectItems()) {
            Expression e = item.getExpression();
            if (e instanceof AllTableColumns all) {
                String qualifier = name(all.getTable().getName());
                boolean found = false;
                for (Query.Source src : sources) {
                    if (src.alias().equalsIgnoreCase(qualifier)) {
                        expandStar(src, outputBinder, outputs, names);
                        found = true;
                    }
                }
                if (!found) {
                    throw new NeuroQuantumException(ErrorCode.UNDEFINED_OBJECT, "No table " + qualifier
                            + " in FROM.", "Use a table or alias of the FROM clause.");
                }
            } else if (e instanceof AllColumns) {
                if (sources.isEmpty()) {
                    throw new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, "SELECT * needs a FROM clause.",
                            "Add FROM.");
                }
                for (Query.Source src : sources) {
                    expandStar(src, outputBinder, outputs, names);
                }
            } else {
                outputs.add(outputBinder.bind(e));
                names.add(item.getAlias() != null ? name(item.getAlias().getName())
                        : e instanceof Column c ? name(c.getColumnName()) : e.toString());
            }
        }
        Expr having = s.getHaving() == null ? null : condition(outputBinder.bind(s.getHaving()), "HAVING");
        List<Query.SortKey> orderBy = new ArrayList<>();
        if (s.getOrderByElements() != null) {
            for (OrderByElement o : s.getOrderByElements()) {
                Expr key = orderKey(o.getExpression(), outputs, names, outputBinder);
                boolean descending = !o.isAsc();
                boolean nullsFirst = o.getNullOrdering() == null ? descending
                        : o.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST;
                orderBy.add(new Query.SortKey(key, descending, nullsFirst));
            }
        }
        Expr limit = null;
        Expr offset = null;
        ExprBinder constant = new ExprBinder(new Scope(List.of(), outer, owner), null);
        if (s.getLimit() != null) {
            if (s.getLimit().getRowCount() != null && !(s.getLimit().getRowCount() instanceof AllColumns)
                    && !(s.getLimit().getRowCount() instanceof NullValue)) {
                limit = constant.bind(s.getLimit().getRowCount());
            }
            if (s.getLimit().getOffset() != null) {
                offset = constant.bind(s.getLimit().getOffset());
            }
        }
        if (s.getOffset() != null) {
            offset = constant.bind(s.getOffset().getOffset());
        }
        if (s.getFetch() != null) {
            throw unsupported("FETCH FIRST (use LIMIT)");
        }
        boolean distinct = false;
        if (s.getDistinct() != null) {
            if (s.getDistinct().getOnSelectItems() != null && !s.getDistinct().getOnSelectItems().isEmpty()) {
                throw unsupported("DISTINCT ON");
            }
            distinct = true;
        }
        Query.Aggregation aggregation = grouping == null ? null : new Query.Aggregation(grouping.keys, grouping.calls);
        return new Query(sources, where, aggregation, having, outputs, names, orderBy, distinct, limit, offset, width);
    }

    private static void expandStar(Query.Source src, ExprBinder binder, List<Expr> outputs, List<String> names) {
        for (String c : src.columnNames()) {
            Column column = new Column(new net.sf.jsqlparser.schema.Table(quote(src.alias())), quote(c));
            outputs.add(binder.bind(column));
            names.add(c);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier + "\"";
    }

    private static Expr orderKey(Expression e, List<Expr> outputs, List<String> names, ExprBinder binder) {
        if (e instanceof LongValue position) {
            long p = position.getValue();
            if (p < 1 || p > outputs.size()) {
                throw new NeuroQuantumException(ErrorCode.UNDEFINED_COLUMN, "ORDER BY position " + p
                        + " is not in the select list (1 to " + outputs.size() + ").", "Use a position in range.");
            }
            return outputs.get((int) p - 1);
        }
        if (e instanceof Column c && c.getTable() == null) {
            String n = name(c.getColumnName());
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(n)) {
                    return outputs.get(i);
                }
            }
        }
        return binder.bind(e);
    }

    private int addSource(List<Query.Source> sources, FromItem item, int offset, Scope outer) {
        Query.Source source;
        if (item instanceof ParenthesedSelect p) {
            if (p.getAlias() == null) {
                throw new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, "A sub-query in FROM needs an alias: "
                        + firstWords(p.toString()), "Write (SELECT …) AS name.");
            }
            Subquery rows = new Subquery();
            // A derived table sees the enclosing query's scope (not the FROM items beside it: no LATERAL).
            Relation body = relation(p, outer, rows);
            rows.complete(body);
            List<String> names = body.names();
            if (p.getAlias().getAliasColumns() != null && !p.getAlias().getAliasColumns().isEmpty()) {
                List<String> renamed = p.getAlias().getAliasColumns().stream().map(c -> name(c.name)).toList();
                if (renamed.size() != names.size()) {
                    throw new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, "The alias " + p.getAlias().getName()
                            + " names " + renamed.size() + " column(s) but its sub-query yields " + names.size() + ".",
                            "Name each column once.");
                }
                names = renamed;
            }
            source = new Query.Source(null, name(p.getAlias().getName()), offset, false, null,
                    new Query.Derived(rows, names, body.types()));
        } else if (item instanceof net.sf.jsqlparser.schema.Table t) {
            Cte cte = t.getSchemaName() == null ? cte(name(t.getName())) : null;
            if (cte != null) {
                Subquery rows = new Subquery();
                rows.complete(cte.body());
                String alias = t.getAlias() != null ? name(t.getAlias().getName()) : name(t.getName());
                source = new Query.Source(null, alias, offset, false, null,
                        new Query.Derived(rows, cte.names(), cte.body().types()));
            } else {
                // A name no user table has may be a system table (nq_locks, ...): a read-only snapshot scanned in full.
                Table table = SystemTables.readable(database, name(t.getName()));
                String alias = t.getAlias() != null ? name(t.getAlias().getName()) : table.name();
                source = new Query.Source(table, alias, offset);
            }
        } else {
            throw unsupported("functions and other items in FROM (" + firstWords(String.valueOf(item)) + ")");
        }
        for (Query.Source s : sources) {
            if (s.alias().equalsIgnoreCase(source.alias())) {
                throw new NeuroQuantumException(ErrorCode.DUPLICATE_OBJECT, "The name " + source.alias()
                        + " appears twice in FROM.", "Give one of them an alias.");
            }
        }
        sources.add(source);
        return offset + source.width();
    }

    /**
     * {@code (A AND B) OR (A AND C)} becomes {@code A AND (B OR C)} (valid in three-valued logic), so that a join
     * condition repeated in every branch (TPC-H Q19) can choose an access path.
     */
    static Expr factorOr(Expr e) {
        if (!(e instanceof Expr.Or)) {
            return e;
        }
        List<Expr> disjuncts = new ArrayList<>();
        flatten(e, true, disjuncts);
        List<List<Expr>> parts = new ArrayList<>();
        for (Expr d : disjuncts) {
            List<Expr> c = new ArrayList<>();
            flatten(d, false, c);
            parts.add(c);
        }
        List<Expr> common = new ArrayList<>();
        for (Expr candidate : parts.get(0)) {
            String text = candidate.describe();
            boolean everywhere = parts.stream().allMatch(p -> p.stream().anyMatch(x -> x.describe().equals(text)));
            if (everywhere && common.stream().noneMatch(x -> x.describe().equals(text))) {
                common.add(candidate);
            }
        }
        if (common.isEmpty()) {
            return e;
        }
        Expr rest = null;
        boolean alwaysTrue = false;
        for (List<Expr> p : parts) {
            Expr branch = null;
            for (Expr x : p) {
                if (common.stream().noneMatch(c -> c.describe().equals(x.describe()))) {
                    branch = branch == null ? x : new Expr.And(branch, x);
                }
            }
            if (branch == null) {
                alwaysTrue = true;
            }
            rest = branch == null ? rest : rest == null ? branch : new Expr.Or(rest, branch);
        }
        Expr out = null;
        for (Expr c : common) {
            out = out == null ? c : new Expr.And(out, c);
        }
        return alwaysTrue || rest == null ? out : new Expr.And(out, rest);
    }

    private static void flatten(Expr e, boolean or, List<Expr> into) {
        if (or && e instanceof Expr.Or o) {
            flatten(o.left(), true, into);
            flatten(o.right(), true, into);
        } else if (!or && e instanceof Expr.And a) {
            flatten(a.left(), false, into);
            flatten(a.right(), false, into);
        } else {
            into.add(e);
        }
    }

    static NeuroQuantumException unknownColumn(String column, List<Query.Source> sources) {
        List<String> candidates = new ArrayList<>();
        for (Query.Source s : sources) {
            candidates.addAll(s.columnNames());
        }
        String near = Suggestions.nearest(column, candidates);
        String where = sources.isEmpty() ? "here (no table is in scope)"
                : "in " + String.join(", ", sources.stream().map(Query.Source::name).toList());
        return new NeuroQuantumException(ErrorCode.UNDEFINED_COLUMN, "Column " + column + " does not exist " + where
                + ".", near != null ? "Did you mean " + near + "?" : candidates.isEmpty() ? "Name a column."
                : "Columns: " + String.join(", ", candidates) + ".");
    }

    /**
     * Names to columns of the FROM clause; for a sub-query, names it does not know resolve in the enclosing query's
     * scope and become correlations of {@code owner}.
     */
    static final class Scope {
        final List<Query.Source> sources;
        final Scope outer;
        final Subquery owner;

        Scope(List<Query.Source> sources) {
            this(sources, null, null);
        }

        Scope(List<Query.Source> sources, Scope outer, Subquery owner) {
            this.sources = sources;
            this.outer = outer;
            this.owner = owner;
        }

        Expr resolve(Column c) {
            Expr found = lookup(c);
            if (found == null) {
                String column = name(c.getColumnName());
                String qualifier = c.getTable() == null || c.getTable().getName() == null ? null
                        : name(c.getTable().getName());
                if (qualifier != null && !knows(qualifier)) {
                    throw new NeuroQuantumException(ErrorCode.UNDEFINED_OBJECT, "No table " + qualifier
                            + " in FROM (column " + qualifier + "." + column + ").",
                            "Use a table or alias of the FROM clause.");
                }
                throw unknownColumn(column, sources);
            }
            return found;
        }

        private boolean knows(String qualifier) {
            for (Query.Source s : sources) {
                if (s.alias().equalsIgnoreCase(qualifier) || s.name().equalsIgnoreCase(qualifier)) {
                    return true;
                }
            }
            return outer != null && outer.knows(qualifier);
        }

        /** The column in this scope or an enclosing one, or null. */
        private Expr lookup(Column c) {
            String column = name(c.getColumnName());
            String qualifier = c.getTable() == null || c.getTable().getName() == null ? null
                    : name(c.getTable().getName());
            Expr.ColumnRef found = null;
            for (Query.Source s : sources) {
                if (qualifier != null && !s.alias().equalsIgnoreCase(qualifier)
                        && !s.name().equalsIgnoreCase(qualifier)) {
                    continue;
                }
                int i = s.indexOf(column);
                if (i >= 0) {
                    if (found != null) {
                        throw new NeuroQuantumException(ErrorCode.AMBIGUOUS_COLUMN, "Column " + column
                                + " is ambiguous: more than one table of FROM has it.",
                                "Qualify it with a table name or alias, e.g. " + s.alias() + "." + column + ".");
                    }
                    found = new Expr.ColumnRef(s.offset() + i, s.columnType(i), s.alias() + "."
                            + s.columnNames().get(i));
                }
            }
            if (found != null || outer == null) {
                return found;
            }
            Expr o = outer.lookup(c);
            if (o == null) {
                return null;
            }
            return new Expr.OuterRef(owner, owner.correlate(o), o.type(), o.describe());
        }
    }

    /** GROUP BY keys and the aggregate calls found while binding a grouped query. */
    static final class Grouping {
        final List<Expr> keys;
        final List<String> keyTexts = new ArrayList<>();
        final List<Query.AggregateCall> calls = new ArrayList<>();
        final List<String> callTexts = new ArrayList<>();

        Grouping(List<Expr> keys) {
            this.keys = keys;
            for (Expr k : keys) {
                keyTexts.add(k.describe());
            }
        }
    }

    /** Expressions; in a grouped query, over the grouped row. */
    final class ExprBinder {
        private final Scope scope;
        private final Grouping grouping;

        ExprBinder(Scope scope, Grouping grouping) {
            this.scope = scope;
            this.grouping = grouping;
        }

        static boolean isAggregate(Expression e) {
            if (!(e instanceof Function f) || f.getName() == null) {
                return false;
            }
            return switch (f.getName().toUpperCase(Locale.ROOT)) {
                case "COUNT", "SUM", "AVG", "MIN", "MAX" -> true;
                default -> false;
            };
        }

        static boolean containsAggregate(Expression e) {
            if (e == null) {
                return false;
            }
            if (isAggregate(e)) {
                return true;
            }
            e = reassociate(e);
            if (e instanceof BinaryExpression b) {
                return containsAggregate(b.getLeftExpression()) || containsAggregate(b.getRightExpression());
            }
            if (e instanceof NotExpression n) {
                return containsAggregate(n.getExpression());
            }
            if (e instanceof Parenthesis p) {
                return containsAggregate(p.getExpression());
            }
            if (e instanceof ParenthesedExpressionList<?> p) {
                return p.stream().anyMatch(x -> containsAggregate((Expression) x));
            }
            if (e instanceof SignedExpression s) {
                return containsAggregate(s.getExpression());
            }
            if (e instanceof IsNullExpression n) {
                return containsAggregate(n.getLeftExpression());
            }
            if (e instanceof Between b) {
                return containsAggregate(b.getLeftExpression()) || containsAggregate(b.getBetweenExpressionStart())
                        || containsAggregate(b.getBetweenExpressionEnd());
            }
            if (e instanceof InExpression in) {
                return containsAggregate(in.getLeftExpression()) || containsAggregate(in.getRightExpression());
            }
            if (e instanceof CastExpression c) {
                return containsAggregate(c.getLeftExpression());
            }
            if (e instanceof Function f) {
                return f.getParameters() != null && f.getParameters().stream().anyMatch(x -> containsAggregate((Expression) x));
            }
            if (e instanceof CaseExpression c) {
                return containsAggregate(c.getSwitchExpression()) || containsAggregate(c.getElseExpression())
                        || c.getWhenClauses().stream().anyMatch(w -> containsAggregate(w.getWhenExpression())
                        || containsAggregate(w.getThenExpression()));
            }
            return false;
        }

        /**
         * Works around JSqlParser 5.3 parsing {@code x IN (1, 2) AND y} as {@code x IN ((1, 2) AND y)}: the binary
         * operator is lifted above the IN.
         */
        static Expression reassociate(Expression e) {
            if (e instanceof InExpression in && in.getRightExpression() instanceof BinaryExpression b
                    && !(in.getRightExpression() instanceof ParenthesedExpressionList<?>)) {
                InExpression inner = new InExpression(in.getLeftExpression(), b.getLeftExpression());
                inner.setNot(in.isNot());
                Expression lifted = reassociate(inner);
                try {
                    BinaryExpression copy = b.getClass().getDeclaredConstructor().newInstance();
                    copy.setLeftExpression(lifted);
                    copy.setRightExpression(b.getRightExpression());
                    return copy;
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException(ex);
                }
            }
            return e;
        }

        Expr bind(Expression e) {
            e = reassociate(e);
            if (grouping != null) {
                if (isAggregate(e)) {
                    return aggregate((Function) e);
                }
                if (!containsAggregate(e) && !(e instanceof LongValue) && !(e instanceof StringValue)) {
                    Expr plain = new ExprBinder(scope, null).bind(e);
                    int k = grouping.keyTexts.indexOf(plain.describe());
                    if (k >= 0) {
                        return new Expr.ColumnRef(k, plain.type(), plain.describe());
                    }
                    BitSet columns = new BitSet();
                    Expr.columns(plain, columns);
                    if (columns.isEmpty()) {
                        return plain;
                    }
                    if (e instanceof Column) {
                        throw new NeuroQuantumException(ErrorCode.GROUPING_ERROR, "Column " + plain.describe()
                                + " must appear in GROUP BY or be used in an aggregate function.",
                                "Add it to GROUP BY or aggregate it, e.g. MAX(" + e + ").");
                    }
                }
            } else if (isAggregate(e)) {
                throw new NeuroQuantumException(ErrorCode.GROUPING_ERROR, "Aggregate " + e + " is not allowed here.",
                        "Use aggregates in the select list, HAVING or ORDER BY.");
            }
            return structural(e);
        }

        private Expr aggregate(Function f) {
            Query.Function fn = Query.Function.valueOf(f.getName().toUpperCase(Locale.ROOT));
            Expr argument = null;
            boolean star = f.isAllColumns() || f.getParameters() == null || f.getParameters().isEmpty()
                    || f.getParameters().size() == 1 && f.getParameters().get(0) instanceof AllColumns;
            if (star) {
                if (fn != Query.Function.COUNT) {
                    throw new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, fn + "(*) is not allowed.",
                            "Give " + fn + " one argument.");
                }
            } else {
                if (f.getParameters().size() != 1) {
                    throw new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, fn + " takes one argument.",
                            "Give it one.");
                }
                Expression a = (Expression) f.getParameters().get(0);
                if (containsAggregate(a)) {
                    throw new NeuroQuantumException(ErrorCode.GROUPING_ERROR, "Aggregates cannot be nested: " + f
                            + ".", "Aggregate a plain expression.");
                }
                argument = new ExprBinder(scope, null).bind(a);
            }
            ColumnType at = argument == null ? null : argument.type();
            if ((fn == Query.Function.SUM || fn == Query.Function.AVG) && at != null
                    && !org.neuroquantum.engine.sql.expr.Values.numeric(at)) {
                throw new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, fn + " needs a number, but "
                        + argument.describe() + " is of type " + Expr.typeName(at) + ".", "Use COUNT, MIN or MAX.");
            }
            ColumnType type = switch (fn) {
                case COUNT -> ColumnType.BIGINT;
                case SUM -> at == ColumnType.INTEGER || at == ColumnType.BIGINT ? ColumnType.BIGINT
                        : at == null ? ColumnType.DOUBLE : at;
                case AVG -> at == ColumnType.DECIMAL ? ColumnType.DECIMAL : ColumnType.DOUBLE;
                case MIN, MAX -> at;
            };
            String text = fn + "(" + (f.isDistinct() ? "DISTINCT " : "") + (argument == null ? "*"
                    : argument.describe()) + ")";
            int index = grouping.callTexts.indexOf(text);
            if (index < 0) {
                grouping.calls.add(new Query.AggregateCall(fn, argument, f.isDistinct(), type));
                grouping.callTexts.add(text);
                index = grouping.calls.size() - 1;
            }
            return new Expr.ColumnRef(grouping.keys.size() + index, type, text);
        }

        private Expr structural(Expression e) {
            if (e instanceof Column c) {
                String n = c.getColumnName();
                if (c.getTable() == null && (n.equalsIgnoreCase("true") || n.equalsIgnoreCase("false"))) {
                    return new Expr.Literal(Boolean.parseBoolean(n));
                }
                return scope.resolve(c);
            }
            if (e instanceof LongValue v) {
                long x = v.getValue();
                return new Expr.Literal(x == (int) x ? (Object) (int) x : (Object) x);
            }
            if (e instanceof DoubleValue) {
                return new Expr.Literal(new BigDecimal(e.toString()));
            }
            if (e instanceof StringValue v) {
                return new Expr.Literal(v.getValue().replace("''", "'"));
            }
            if (e instanceof NullValue) {
                return new Expr.Literal(null);
            }
            if (e instanceof BooleanValue b) {
                return new Expr.Literal(b.getValue());
            }
            if (e instanceof DateValue d) {
                return new Expr.Literal(d.getValue().toLocalDate());
            }
            if (e instanceof TimestampValue t) {
                return new Expr.Literal(t.getValue().toLocalDateTime());
            }
            if (e instanceof JdbcParameter p) {
                if (p.getIndex() == null) {
                    throw new NeuroQuantumException(ErrorCode.PARAMETER_INVALID, "A parameter has no position.",
                            "Use ? for parameters.");
                }
                return new Expr.Parameter(p.getIndex());
            }
            if (e instanceof Parenthesis p) {
                return bind(p.getExpression());
            }
            if (e instanceof ParenthesedSelect p) {
                Subquery sq = subquery(p);
                if (sq.body().types().size() != 1) {
                    throw new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, "A sub-query used as a value must "
                            + "return one column, not " + sq.body().types().size() + ": " + firstWords(p.toString()),
                            "Select one column.");
                }
                return new Expr.ScalarSubquery(sq, sq.body().types().get(0));
            }
            if (e instanceof ExistsExpression x) {
                if (!(x.getRightExpression() instanceof ParenthesedSelect p)) {
                    throw unsupported("EXISTS without a sub-query");
                }
                return new Expr.Exists(subquery(p), x.isNot());
            }
            if (e instanceof Concat c) {
                return new Expr.Concat(bind(c.getLeftExpression()), bind(c.getRightExpression()));
            }
            if (e instanceof ExtractExpression x) {
                Expr.DateField field = dateField(x.getName(), "EXTRACT");
                Expr operand = bind(x.getExpression());
                if (operand.type() != null && operand.type() != ColumnType.DATE
                        && operand.type() != ColumnType.TIMESTAMP) {
                    throw new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, "EXTRACT needs a date or timestamp, "
                            + "but " + operand.describe() + " is of type " + Expr.typeName(operand.type()) + ".",
                            "Apply it to a DATE or TIMESTAMP.");
                }
                return new Expr.Extract(field, operand);
            }
            if (e instanceof IntervalExpression i) {
                throw unsupported("INTERVAL outside of date + INTERVAL or date - INTERVAL (" + i + ")");
            }
            if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
                return bind((Expression) p.get(0));
            }
            if (e instanceof SignedExpression s) {
                Expr operand = bind(s.getExpression());
                numeric(operand, "-");
                if (s.getSign() == '-') {
                    if (operand instanceof Expr.Literal l && l.value() instanceof Number) {
                        return new Expr.Literal(org.neuroquantum.engine.sql.expr.Values.negate(l.value()));
                    }
                    return new Expr.Negate(operand);
                }
                return operand;
            }
            if (e instanceof CastExpression c) {
                Expr operand = bind(c.getLeftExpression());
                ColumnType target = type(c.getColDataType(), null);
                if (!c.isUseCastKeyword() && operand instanceof Expr.Literal l) {
                    // DATE '2024-01-31', TIMESTAMP '…': typed literals, converted once.
                    return new Expr.Literal(org.neuroquantum.engine.sql.expr.Values.cast(l.value(), target));
                }
                return new Expr.Cast(operand, target);
            }
            if (e instanceof AndExpression a) {
                return new Expr.And(bool(bind(a.getLeftExpression()), "AND"), bool(bind(a.getRightExpression()), "AND"));
            }
            if (e instanceof OrExpression o) {
                return new Expr.Or(bool(bind(o.getLeftExpression()), "OR"), bool(bind(o.getRightExpression()), "OR"));
            }
            if (e instanceof NotExpression n) {
                return new Expr.Not(bool(bind(n.getExpression()), "NOT"));
            }
            if (e instanceof EqualsTo b) {
                return compare(CompareOp.EQ, b);
            }
            if (e instanceof NotEqualsTo b) {
                return compare(CompareOp.NE, b);
            }
            if (e instanceof GreaterThan b) {
                return compare(CompareOp.GT, b);
            }
            if (e instanceof GreaterThanEquals b) {
                return compare(CompareOp.GE, b);
            }
            if (e instanceof MinorThan b) {
                return compare(CompareOp.LT, b);
            }
            if (e instanceof MinorThanEquals b) {
                return compare(CompareOp.LE, b);
            }
            if (e instanceof Addition b) {
                return arithmetic(org.neuroquantum.engine.sql.expr.Values.Arithmetic.ADD, b);
            }
            if (e instanceof Subtraction b) {
                return arithmetic(org.neuroquantum.engine.sql.expr.Values.Arithmetic.SUBTRACT, b);
            }
            if (e instanceof Multiplication b) {
                return arithmetic(org.neuroquantum.engine.sql.expr.Values.Arithmetic.MULTIPLY, b);
            }
            if (e instanceof Division b) {
                return arithmetic(org.neuroquantum.engine.sql.expr.Values.Arithmetic.DIVIDE, b);
            }
            if (e instanceof Modulo b) {
                return arithmetic(org.neuroquantum.engine.sql.expr.Values.Arithmetic.MODULO, b);
            }
            if (e instanceof IsNullExpression n) {
                return new Expr.IsNull(bind(n.getLeftExpression()), n.isNot());
            }
            if (e instanceof Between b) {
                Expr x = bind(b.getLeftExpression());
                Expr lo = bind(b.getBetweenExpressionStart());
                Expr hi = bind(b.getBetweenExpressionEnd());
                comparable(x, lo, "BETWEEN");
                comparable(x, hi, "BETWEEN");
                Expr between = new Expr.And(new Expr.Comparison(CompareOp.GE, x, lo),
                        new Expr.Comparison(CompareOp.LE, x, hi));
                return b.isNot() ? new Expr.Not(between) : between;
            }
            if (e instanceof InExpression in) {
                Expr x = bind(in.getLeftExpression());
                if (in.getRightExpression() instanceof ParenthesedSelect p) {
                    Subquery sq = subquery(p);
                    if (sq.body().types().size() != 1) {
                        throw new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, "The sub-query of IN must return one "
                                + "column, not " + sq.body().types().size() + ".", "Select one column.");
                    }
                    ColumnType t = sq.body().types().get(0);
                    if (!org.neuroquantum.engine.sql.expr.Values.comparable(x.type(), t)) {
                        throw new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, "Cannot compare " + x.describe()
                                + " (" + Expr.typeName(x.type()) + ") with the sub-query's " + Expr.typeName(t)
                                + " values in IN.", "Compare values of the same kind, or CAST one of them.");
                    }
                    return new Expr.InSubquery(x, sq, in.isNot());
                }
                if (!(in.getRightExpression() instanceof ExpressionList<?> list)) {
                    throw unsupported("IN with " + in.getRightExpression().getClass().getSimpleName());
                }
                List<Expr> items = new ArrayList<>();
                for (Object o : list) {
                    Expr item = bind((Expression) o);
                    comparable(x, item, "IN");
                    items.add(item);
                }
                return new Expr.In(x, items, in.isNot());
            }
            if (e instanceof LikeExpression l) {
                if (l.getLikeKeyWord() != LikeExpression.KeyWord.LIKE || l.getEscape() != null) {
                    throw unsupported(l.getLikeKeyWord() + (l.getEscape() != null ? " … ESCAPE" : ""));
                }
                Expr x = bind(l.getLeftExpression());
                Expr p = bind(l.getRightExpression());
                for (Expr side : new Expr[] {x, p}) {
                    if (side.type() != null && side.type() != ColumnType.VARCHAR) {
                        throw new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, "LIKE needs text, but "
                                + side.describe() + " is of type " + Expr.typeName(side.type()) + ".",
                                "Apply LIKE to text columns.");
                    }
                }
                return new Expr.Like(x, p, l.isNot());
            }
            if (e instanceof CaseExpression c) {
                return caseExpression(c);
            }
            if (e instanceof Function f) {
                return call(f);
            }
            throw unsupported("expression " + e + " (" + e.getClass().getSimpleName() + ")");
        }

        private Expr caseExpression(CaseExpression c) {
            Expr operand = c.getSwitchExpression() == null ? null : bind(c.getSwitchExpression());
            List<Expr> whens = new ArrayList<>();
            List<Expr> thens = new ArrayList<>();
            List<Expr> results = new ArrayList<>();
            for (WhenClause w : c.getWhenClauses()) {
                Expr when = bind(w.getWhenExpression());
                if (operand == null) {
                    bool(when, "WHEN");
                } else {
                    comparable(operand, when, "CASE");
                }
                whens.add(when);
                Expr then = bind(w.getThenExpression());
                thens.add(then);
                results.add(then);
            }
            Expr otherwise = c.getElseExpression() == null ? null : bind(c.getElseExpression());
            if (otherwise != null) {
                results.add(otherwise);
            }
            return new Expr.Case(operand, whens, thens, otherwise, commonType(results, "CASE"));
        }

        /** The type all results convert to: numbers widen, other types must agree. */
        private static ColumnType commonType(List<Expr> results, String what) {
            ColumnType type = null;
            for (Expr r : results) {
                ColumnType t = r.type();
                if (t == null || t == type) {
                    continue;
                }
                if (type == null) {
                    type = t;
                } else if (org.neuroquantum.engine.sql.expr.Values.numeric(type)
                        && org.neuroquantum.engine.sql.expr.Values.numeric(t)) {
                    type = org.neuroquantum.engine.sql.expr.Values.arithmeticType(type, t);
                } else {
                    throw new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, what + " mixes " + Expr.typeName(type)
                            + " and " + Expr.typeName(t) + " results (" + r.describe() + ").",
                            "Give every branch the same type, or CAST.");
                }
            }
            return type;
        }

        private Expr call(Function f) {
            Expr.Function fn;
            try {
                String n = f.getName().toUpperCase(Locale.ROOT);
                fn = Expr.Function.valueOf(n.equals("CHAR_LENGTH") || n.equals("CHARACTER_LENGTH") ? "LENGTH"
                        : n.equals("SUBSTR") ? "SUBSTRING" : n);
            } catch (IllegalArgumentException e) {
                throw unsupported("function " + f.getName());
            }
            List<Expr> args = new ArrayList<>();
            if (f.getParameters() != null) {
                for (Object o : f.getParameters()) {
                    args.add(bind((Expression) o));
                }
            } else if (f.getNamedParameters() != null && fn == Expr.Function.SUBSTRING) {
                // SUBSTRING(x FROM a [FOR b])
                List<String> keywords = f.getNamedParameters().getNames();
                List<?> values = f.getNamedParameters().getExpressions();
                for (int i = 0; i < values.size(); i++) {
                    String k = keywords.get(i) == null ? "" : keywords.get(i).toUpperCase(Locale.ROOT);
                    if (!(i == 0 && k.isEmpty() || i == 1 && k.equals("FROM") || i == 2 && k.equals("FOR"))) {
                        throw unsupported("SUBSTRING(" + f.getNamedParameters() + ")");
                    }
                    args.add(bind((Expression) values.get(i)));
                }
            } else if (f.getNamedParameters() != null) {
                throw unsupported("function " + f.getName() + " with keyword arguments");
            }
            int expected = switch (fn) {
                case COALESCE -> -1;
                case NULLIF -> 2;
                case SUBSTRING -> args.size() == 2 ? 2 : 3;
                case ROUND -> args.size() == 2 ? 2 : 1;
                default -> 1;
            };
            if (expected >= 0 && args.size() != expected || expected < 0 && args.isEmpty()) {
                throw new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, fn + " takes " + (expected < 0 ? "at least one"
                        : String.valueOf(expected)) + " argument(s), not " + args.size() + ".", "Correct the call.");
            }
            ColumnType type = switch (fn) {
                case COALESCE -> commonType(args, "COALESCE");
                case NULLIF -> {
                    comparable(args.get(0), args.get(1), "NULLIF");
                    yield args.get(0).type();
                }
                case LOWER, UPPER, SUBSTRING -> ColumnType.VARCHAR;
                case LENGTH -> ColumnType.INTEGER;
                case ABS -> numeric(args.get(0), "ABS").type();
                case ROUND -> {
                    for (Expr a : args) {
                        numeric(a, "ROUND");
                    }
                    yield args.get(0).type();
                }
            };
            if (fn == Expr.Function.SUBSTRING) {
                for (Expr a : args.subList(1, args.size())) {
                    if (a.type() != null && a.type() != ColumnType.INTEGER && a.type() != ColumnType.BIGINT) {
                        throw new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, "SUBSTRING needs integer "
                                + "positions, but " + a.describe() + " is of type " + Expr.typeName(a.type()) + ".",
                                "Give whole numbers.");
                    }
                }
            }
            if ((fn == Expr.Function.LOWER || fn == Expr.Function.UPPER || fn == Expr.Function.LENGTH
                    || fn == Expr.Function.SUBSTRING)
                    && args.get(0).type() != null && args.get(0).type() != ColumnType.VARCHAR) {
                throw new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, fn + " needs text, but "
                        + args.get(0).describe() + " is of type " + Expr.typeName(args.get(0).type()) + ".",
                        "Apply it to text, or CAST.");
            }
            return new Expr.Call(fn, args, type);
        }

        private Expr compare(CompareOp op, BinaryExpression b) {
            Expr l = bind(b.getLeftExpression());
            Expr r = bind(b.getRightExpression());
            comparable(l, r, op.symbol());
            return new Expr.Comparison(op, l, r);
        }

        private static void comparable(Expr l, Expr r, String op) {
            if (!org.neuroquantum.engine.sql.expr.Values.comparable(l.type(), r.type())) {
                throw new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, "Cannot compare " + l.describe() + " ("
                        + Expr.typeName(l.type()) + ") with " + r.describe() + " (" + Expr.typeName(r.type())
                        + ") in " + op + ".", "Compare values of the same kind, or CAST one of them.");
            }
        }

        private Expr arithmetic(org.neuroquantum.engine.sql.expr.Values.Arithmetic op, BinaryExpression b) {
            boolean plus = op == org.neuroquantum.engine.sql.expr.Values.Arithmetic.ADD;
            boolean minus = op == org.neuroquantum.engine.sql.expr.Values.Arithmetic.SUBTRACT;
            if ((plus || minus) && b.getRightExpression() instanceof IntervalExpression i) {
                return dateAdd(bind(b.getLeftExpression()), i, minus);
            }
            if (plus && b.getLeftExpression() instanceof IntervalExpression i) {
                return dateAdd(bind(b.getRightExpression()), i, false);
            }
            Expr l = numeric(bind(b.getLeftExpression()), op.symbol());
            Expr r = numeric(bind(b.getRightExpression()), op.symbol());
            return new Expr.Arithmetic(op, l, r);
        }

        /** {@code d ± INTERVAL 'n' unit}; folded to a literal when {@code d} is one (e.g. {@code DATE 'x' + …}). */
        private Expr dateAdd(Expr operand, IntervalExpression interval, boolean subtract) {
            String text = interval.getParameter() != null ? interval.getParameter()
                    : interval.getExpression() != null ? interval.getExpression().toString() : "";
            text = text.strip();
            if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
                text = text.substring(1, text.length() - 1).strip();
            }
            String unit = interval.getIntervalType();
            if (unit == null) {
                String[] parts = text.split("\\s+");
                if (parts.length == 2) {
                    text = parts[0];
                    unit = parts[1];
                }
            }
            if (unit == null) {
                throw unsupported("INTERVAL without a unit (" + interval + ")");
            }
            Expr.DateField field = dateField(unit.replaceAll("(?i)s$", ""), "INTERVAL");
            long amount;
            try {
                amount = Long.parseLong(text);
            } catch (NumberFormatException ex) {
                throw unsupported("INTERVAL " + interval.getParameter() + " (only a whole number of days, months or "
                        + "years)");
            }
            if (operand.type() != null && operand.type() != ColumnType.DATE && operand.type() != ColumnType.TIMESTAMP
                    && !(operand instanceof Expr.Literal l && l.value() instanceof String)) {
                throw new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, "An INTERVAL is added to dates and "
                        + "timestamps, not to " + operand.describe() + " (" + Expr.typeName(operand.type()) + ").",
                        "Apply it to a DATE or TIMESTAMP.");
            }
            Expr.DateAdd add = new Expr.DateAdd(operand, subtract ? -amount : amount, field);
            if (operand instanceof Expr.Literal) {
                return new Expr.Literal(add.eval(new Object[0], new Object[0]));
            }
            return add;
        }

        private static Expr.DateField dateField(String name, String where) {
            try {
                return Expr.DateField.valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw unsupported(where + " " + name + " (YEAR, MONTH and DAY work)");
            }
        }

        /** Binds a sub-query whose unknown names resolve in this binder's scope. */
        private Subquery subquery(ParenthesedSelect p) {
            Subquery sq = new Subquery();
            sq.complete(relation(p, scope, sq));
            if (grouping != null && sq.correlated()) {
                throw unsupported("a correlated sub-query in the select list, HAVING or ORDER BY of a grouped query");
            }
            return sq;
        }

        private static Expr numeric(Expr e, String op) {
            if (e.type() != null && !org.neuroquantum.engine.sql.expr.Values.numeric(e.type())) {
                throw new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, "Operator " + op + " needs numbers, but "
                        + e.describe() + " is of type " + Expr.typeName(e.type()) + ".", "Apply it to numbers.");
            }
            return e;
        }

        private static Expr bool(Expr e, String op) {
            if (e.type() != null && e.type() != ColumnType.BOOLEAN) {
                throw new NeuroQuantumException(ErrorCode.DATATYPE_MISMATCH, op + " needs conditions, but "
                        + e.describe() + " is of type " + Expr.typeName(e.type()) + ".", "Write a comparison.");
            }
            return e;
        }
    }
}
