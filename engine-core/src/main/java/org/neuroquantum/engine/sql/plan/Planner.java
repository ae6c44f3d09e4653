package org.neuroquantum.engine.sql.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.sql.bind.Query;
import org.neuroquantum.engine.sql.expr.Expr;
import org.neuroquantum.engine.sql.expr.Expr.CompareOp;
import org.neuroquantum.engine.table.Column;
import org.neuroquantum.engine.table.IndexDefinition;
import org.neuroquantum.engine.table.TableSchema;

/** Chooses access paths and places conjuncts. Stateless. */
public final class Planner {
    private Planner() {
    }

    /** Plans a SELECT (joins in written order). */
    public static QueryPlan plan(Query query) {
        List<Query.Source> sources = query.sources();
        List<List<Expr>> perLevel = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            perLevel.add(new ArrayList<>());
        }
        List<Expr> constant = new ArrayList<>();
        for (Expr c : conjuncts(query.where())) {
            // A correlated sub-query is costly per row: checked once all tables are joined, on the fewest rows.
            int level = Expr.hasCorrelatedSubquery(c) && !sources.isEmpty() ? sources.size() - 1 : level(c, sources);
            (level < 0 ? constant : perLevel.get(level)).add(c);
        }
        List<TableAccess> tables = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Query.Source source = sources.get(i);
            if (source.leftOuter()) {
                // Only the ON condition may choose the rows of a left-joined table; WHERE applies after NULLs.
                TableAccess on = access(source, conjuncts(source.on()));
                tables.add(new TableAccess(source, on.path(), on.filter(), and(perLevel.get(i))));
            } else {
                tables.add(access(source, perLevel.get(i)));
            }
        }
        return new QueryPlan(query, tables, and(constant));
    }

    /** Plans the row selection of an UPDATE or DELETE on one table. */
    public static TableAccess plan(Table table, Expr where) {
        Query.Source source = new Query.Source(table, table.name(), 0);
        return access(source, conjuncts(where));
    }

    /** The AND-ed parts of a condition. */
    static List<Expr> conjuncts(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof Expr.And a) {
            out.addAll(conjuncts(a.left()));
            out.addAll(conjuncts(a.right()));
        } else if (e != null) {
            out.add(e);
        }
        return out;
    }

    static Expr and(List<Expr> parts) {
        Expr all = null;
        for (Expr p : parts) {
            all = all == null ? p : new Expr.And(all, p);
        }
        return all;
    }

    /** The index of the last source whose columns {@code e} reads, or -1 when it reads none. */
    private static int level(Expr e, List<Query.Source> sources) {
        BitSet columns = new BitSet();
        Expr.columns(e, columns);
        int last = columns.length() - 1;
        if (last < 0) {
            return -1;
        }
        for (int i = sources.size() - 1; i >= 0; i--) {
            if (last >= sources.get(i).offset()) {
                return i;
            }
        }
        return 0;
    }

    private static TableAccess access(Query.Source source, List<Expr> conjuncts) {
        if (source.derived() != null) {
            return new TableAccess(source, AccessPath.fullScan(), and(conjuncts), null);
        }
        TableSchema schema = source.table().schema();
        AccessPath best = AccessPath.fullScan();
        int bestScore = 0;
        if (!schema.hasHiddenRowId()) {
            AccessPath pk = keyPath(AccessPath.Kind.PRIMARY_KEY, null, schema, schema.primaryKey(), source, conjuncts);
            int score = score(pk);
            if (score > bestScore) {
                best = pk;
                bestScore = score;
            }
        }
        for (IndexDefinition index : source.table().definition().indexes()) {
            AccessPath p = keyPath(AccessPath.Kind.INDEX, index.name(), schema, index.columns(), source, conjuncts);
            int score = score(p);
            if (score > bestScore) {
                best = p;
                bestScore = score;
            }
        }
        return new TableAccess(source, best, and(conjuncts), null);
    }

    /** Equalities count twice a range bound; a full key match beats any prefix (ties: the primary key). */
    private static int score(AccessPath p) {
        if (p == null) {
            return 0;
        }
        int s = 2 * p.equals().size() + (p.low() != null ? 1 : 0) + (p.high() != null ? 1 : 0);
        if (p.equals().size() == p.keyColumns().size()) {
            s += 100;
        }
        return s;
    }

    private static AccessPath keyPath(AccessPath.Kind kind, String index, TableSchema schema, int[] key,
            Query.Source source, List<Expr> conjuncts) {
        List<Column> keyColumns = new ArrayList<>();
        for (int k : key) {
            keyColumns.add(schema.columns().get(k));
        }
        List<Expr> equals = new ArrayList<>();
        Expr low = null;
        Expr high = null;
        for (int k : key) {
            int column = source.offset() + k;
            Expr eq = bound(conjuncts, column, source.offset(), CompareOp.EQ);
            if (eq != null) {
                equals.add(eq);
                continue;
            }
            low = bound(conjuncts, column, source.offset(), CompareOp.GE, CompareOp.GT);
            high = bound(conjuncts, column, source.offset(), CompareOp.LE, CompareOp.LT);
            break;
        }
        if (equals.isEmpty() && low == null && high == null) {
            return null;
        }
        return new AccessPath(kind, index, keyColumns, equals, low, high);
    }

    /** The other side of a conjunct {@code column op X} (or {@code X op' column}) where X reads no later column. */
    private static Expr bound(List<Expr> conjuncts, int column, int firstOwnColumn, CompareOp... ops) {
        for (Expr c : conjuncts) {
            if (!(c instanceof Expr.Comparison cmp)) {
                continue;
            }
            for (CompareOp op : ops) {
                if (cmp.op() == op && isColumn(cmp.left(), column) && before(cmp.right(), firstOwnColumn)) {
                    return cmp.right();
                }
                if (cmp.op() == op.flip() && isColumn(cmp.right(), column) && before(cmp.left(), firstOwnColumn)) {
                    return cmp.left();
                }
            }
        }
        return null;
    }

    private static boolean isColumn(Expr e, int column) {
        return e instanceof Expr.ColumnRef c && c.index() == column;
    }

    private static boolean before(Expr e, int firstOwnColumn) {
        BitSet columns = new BitSet();
        Expr.columns(e, columns);
        return columns.length() <= firstOwnColumn;
    }
}
