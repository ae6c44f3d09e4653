package org.neuroquantum.engine.sql.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.sql.bind.Query;
import org.neuroquantum.engine.sql.expr.Expr;
import org.neuroquantum.engine.sql.expr.Expr.CompareOp;
import org.neuroquantum.engine.sql.expr.Values;
import org.neuroquantum.engine.sql.stats.TableStatistics;
import org.neuroquantum.engine.table.Column;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.engine.table.IndexDefinition;
import org.neuroquantum.engine.table.TableSchema;
import org.neuroquantum.spi.optimizer.CostModel;
import org.neuroquantum.spi.optimizer.JoinAlgorithm;
import org.neuroquantum.spi.optimizer.JoinEdge;
import org.neuroquantum.spi.optimizer.JoinGraph;
import org.neuroquantum.spi.optimizer.JoinPlan;
import org.neuroquantum.spi.optimizer.OptimizationResult;
import org.neuroquantum.spi.optimizer.QueryOptimizer;
import org.neuroquantum.spi.optimizer.Relation;

/**
 * Plans a SELECT: the join order (the configured optimizer's, through the optimizer SPI, or the written order),
 * for each table its access path and join algorithm (by estimated cost), and the placement of each conjunct at the
 * first table of the order where all its columns are known. Stateless.
 *
 * <p>Costs are in rows touched: a scan costs the rows it reads (a full scan the table's rows, a key range the rows
 * estimated to match plus 2 for the descent); a nested loop the outer rows times the inner scan; an index nested
 * loop the outer rows times (2 + the rows matched per probe); a hash join the build scan plus twice the build rows
 * (inserting into the hash table costs more than reading) plus the probe rows. {@link #COST_MODEL} prices join nodes the same way for optimizers, which do not know which
 * relation has an index: the kernel runs the algorithm an optimizer chose for a join when it can (an index nested
 * loop needs a key of the inner table bound by the join, a hash join an equality), and otherwise the cheapest one
 * it can run.
 */
public final class Planner {
    /** How long an optimizer may search. */
    private static final long OPTIMIZER_BUDGET_NANOS = 200_000_000L;

    /** The cost model given to optimizers (see the class comment). */
    public static final CostModel COST_MODEL = new CostModel() {
        @Override
        public Set<JoinAlgorithm> algorithms() {
            return Set.of(JoinAlgorithm.NESTED_LOOP, JoinAlgorithm.INDEX_NESTED_LOOP, JoinAlgorithm.HASH_JOIN);
        }

        @Override
        public double joinCost(JoinAlgorithm algorithm, double leftRows, double rightRows, double outputRows) {
            return switch (algorithm) {
                case NESTED_LOOP -> leftRows * rightRows + outputRows;
                case INDEX_NESTED_LOOP -> 2 * leftRows + outputRows;
                case HASH_JOIN -> 3 * rightRows + leftRows + outputRows;
            };
        }
    };

    /**
     * What planning needs besides the query.
     *
     * @param params the statement's parameter values (for estimates; plans never depend on them otherwise)
     * @param statistics the stored statistics of a table
     * @param optimizer the configured optimizer, or empty for written order
     * @param optimizerName its name, for EXPLAIN
     */
    public record Context(Object[] params, Function<Table, Optional<TableStatistics>> statistics,
            Optional<QueryOptimizer> optimizer, String optimizerName) {
        /** No statistics, no optimizer. */
        public static Context none() {
            return new Context(new Object[0], t -> Optional.empty(), Optional.empty(), "");
        }
    }

    private Planner() {
    }

    /** Plans a SELECT in written order without statistics. */
    public static QueryPlan plan(Query query) {
        return plan(query, Context.none());
    }

    /** Plans a SELECT. */
    public static QueryPlan plan(Query query, Context context) {
        List<Query.Source> sources = query.sources();
        int n = sources.size();
        Estimator estimator = new Estimator(sources, context.params(), context.statistics());
        if (n == 0) {
            Expr all = and(conjuncts(query.where()));
            return new QueryPlan(query, List.of(), all, "", Map.of(), groups(query, 1, estimator));
        }
        List<Expr> where = conjuncts(query.where());
        List<Expr> constant = new ArrayList<>();
        List<Expr> placed = new ArrayList<>();
        for (Expr c : where) {
            (mask(c, sources) == 0 && !Expr.hasCorrelatedSubquery(c) ? constant : placed).add(c);
        }
        // A left-joined source must follow the sources its ON condition reads (all sources written before it when
        // the condition reads none of them): only those are its preserved side.
        long[] requires = new long[n];
        for (int i = 0; i < n; i++) {
            Query.Source s = sources.get(i);
            if (s.leftOuter()) {
                long m = mask(s.on(), sources) & ~(1L << i);
                requires[i] = m != 0 ? m : (1L << i) - 1;
            }
        }
        int[] order = new int[n];
        Map<Integer, JoinAlgorithm> suggested = new LinkedHashMap<>();
        String optimizer = "";
        Map<String, String> report = Map.of();
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (context.optimizer().isPresent() && n > 1 && n <= JoinGraph.MAX_RELATIONS) {
            optimizer = context.optimizerName();
            OptimizationResult result = context.optimizer().get().optimize(graph(sources, placed, estimator),
                    COST_MODEL, System.nanoTime() + OPTIMIZER_BUDGET_NANOS);
            List<Integer> sequence = new ArrayList<>();
            linearise(result.plan(), sequence, suggested);
            if (sequence.size() == n && sequence.stream().distinct().count() == n) {
                order = respect(sequence, requires, n);
                report = new LinkedHashMap<>(result.report());
                report.put("estimated cost", String.format(java.util.Locale.ROOT, "%.1f", result.plan().cost()));
            } else {
                // The SPI contract says every relation exactly once; a plan that breaks it is not run.
                suggested.clear();
                report = Map.of("ignored", "the plan did not cover each relation exactly once: " + sequence
                        + "; joined in written order");
            }
        }
        List<TableAccess> tables = new ArrayList<>();
        BitSet available = new BitSet();
        long placedMask = 0;
        double rows = 1;
        for (int p = 0; p < n; p++) {
            int s = order[p];
            Query.Source source = sources.get(s);
            long now = placedMask | (1L << s);
            List<Expr> here = new ArrayList<>();
            for (Expr c : placed) {
                long m = mask(c, sources);
                // A correlated sub-query is costly per row: checked once all tables are joined, on the fewest rows.
                if (Expr.hasCorrelatedSubquery(c) ? p == n - 1 : (m & now) == m && (m & (1L << s)) != 0) {
                    here.add(c);
                }
            }
            List<Expr> match = source.leftOuter() ? conjuncts(source.on()) : here;
            List<Expr> after = source.leftOuter() ? here : List.of();
            TableAccess access = access(source, match, after, available, p == 0 ? null : suggested.get(s), rows,
                    estimator);
            tables.add(access);
            rows = access.rows();
            available.set(source.offset(), source.offset() + width(source));
            placedMask = now;
        }
        return new QueryPlan(query, tables, and(constant), optimizer, report, groups(query, rows, estimator));
    }

    private static double groups(Query query, double rows, Estimator estimator) {
        if (query.aggregation() == null) {
            return rows;
        }
        if (query.aggregation().keys().isEmpty()) {
            return 1;
        }
        double g = 1;
        for (Expr k : query.aggregation().keys()) {
            g *= k instanceof Expr.ColumnRef c ? estimator.distinct(c.index()) : Math.max(1, rows / 10);
        }
        return Math.max(1, Math.min(rows, g));
    }

    /** The join graph: relations with their rows after local conjuncts, edges from conjuncts reading two sources. */
    private static JoinGraph graph(List<Query.Source> sources, List<Expr> where, Estimator estimator) {
        List<Expr> all = new ArrayList<>(where);
        for (Query.Source s : sources) {
            if (s.leftOuter()) {
                all.addAll(conjuncts(s.on()));
            }
        }
        List<Relation> relations = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Query.Source s = sources.get(i);
            double table = estimator.tableRows(s);
            double local = table;
            for (Expr c : all) {
                if (mask(c, sources) == 1L << i) {
                    local *= estimator.selectivity(c);
                }
            }
            List<org.neuroquantum.spi.optimizer.AccessPath> paths = new ArrayList<>();
            paths.add(new org.neuroquantum.spi.optimizer.AccessPath("scan " + s.alias(), table, local));
            if (s.derived() == null
                    && (!s.table().definition().indexes().isEmpty() || !s.table().schema().hasHiddenRowId())) {
                // Tells optimizers that an index nested loop into this relation may be possible (same cost as the
                // scan, so it never replaces it as the relation's own access).
                paths.add(new org.neuroquantum.spi.optimizer.AccessPath("index probe on " + s.alias(), table,
                        local));
            }
            relations.add(new Relation(i, s.alias(), local, paths));
        }
        List<JoinEdge> edges = new ArrayList<>();
        for (Expr c : all) {
            long m = mask(c, sources);
            if (Long.bitCount(m) == 2) {
                int a = Long.numberOfTrailingZeros(m);
                int b = 63 - Long.numberOfLeadingZeros(m);
                edges.add(new JoinEdge(a, b, Math.max(1e-12, Math.min(1, estimator.selectivity(c)))));
            }
        }
        return new JoinGraph(relations, edges);
    }

    /** The relations of a join tree left to right, with the algorithm of each join whose inner side is a scan. */
    private static void linearise(JoinPlan plan, List<Integer> out, Map<Integer, JoinAlgorithm> algorithms) {
        if (plan instanceof JoinPlan.Scan s) {
            out.add(s.relation());
        } else if (plan instanceof JoinPlan.Join j) {
            linearise(j.left(), out, algorithms);
            linearise(j.right(), out, algorithms);
            if (j.right() instanceof JoinPlan.Scan s) {
                algorithms.put(s.relation(), j.algorithm());
            }
        }
    }

    /** The optimizer's sequence, each left-joined source moved after the sources it requires. */
    private static int[] respect(List<Integer> sequence, long[] requires, int n) {
        List<Integer> rest = new ArrayList<>(sequence);
        for (int i = 0; i < n; i++) {
            if (!rest.contains(i)) {
                rest.add(i);
            }
        }
        int[] order = new int[n];
        long done = 0;
        for (int p = 0; p < n; p++) {
            for (int k = 0; k < rest.size(); k++) {
                int s = rest.get(k);
                if ((requires[s] & done) == requires[s]) {
                    order[p] = s;
                    done |= 1L << s;
                    rest.remove(k);
                    break;
                }
            }
        }
        return order;
    }

    /** Plans the row selection of an UPDATE or DELETE on one table. */
    public static TableAccess plan(Table table, Expr where) {
        Query.Source source = new Query.Source(table, table.name(), 0);
        List<Expr> conjuncts = conjuncts(where);
        return new TableAccess(source, bestPath(source, conjuncts, new BitSet()), and(conjuncts), null);
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

    private static int width(Query.Source source) {
        return source.width();
    }

    /** Bit mask of the sources whose columns {@code e} reads. */
    private static long mask(Expr e, List<Query.Source> sources) {
        if (e == null) {
            return 0;
        }
        BitSet columns = new BitSet();
        Expr.columns(e, columns);
        long m = 0;
        for (int c = columns.nextSetBit(0); c >= 0; c = columns.nextSetBit(c + 1)) {
            for (int i = sources.size() - 1; i >= 0; i--) {
                if (c >= sources.get(i).offset()) {
                    m |= 1L << i;
                    break;
                }
            }
        }
        return m;
    }

    private static boolean readsOnly(Expr e, BitSet allowed) {
        BitSet columns = new BitSet();
        Expr.columns(e, columns);
        columns.andNot(allowed);
        return columns.isEmpty();
    }

    private static BitSet own(Query.Source source) {
        BitSet b = new BitSet();
        b.set(source.offset(), source.offset() + width(source));
        return b;
    }

    private static boolean readsAny(Expr e, BitSet set) {
        BitSet columns = new BitSet();
        Expr.columns(e, columns);
        return columns.intersects(set);
    }

    /** Chooses how one table is read and joined; {@code outerRows} are the estimated rows of the tables before. */
    private static TableAccess access(Query.Source source, List<Expr> match, List<Expr> after, BitSet available,
            JoinAlgorithm suggestion, double outerRows, Estimator estimator) {
        double table = estimator.tableRows(source);
        BitSet own = own(source);
        List<Expr> local = new ArrayList<>();
        List<Expr> joining = new ArrayList<>();
        for (Expr c : match) {
            (readsOnly(c, own) ? local : joining).add(c);
        }
        double localRows = table * estimator.selectivity(and(local));
        double matchRows = table * estimator.selectivity(and(match));
        double joined = outerRows * matchRows;
        if (source.leftOuter()) {
            joined = Math.max(outerRows, joined);
        }
        double rows = joined * estimator.selectivity(and(after));
        AccessPath localPath = bestPath(source, match, new BitSet());
        double scanCost = localPath.kind() == AccessPath.Kind.FULL_SCAN ? table : localRows + 2;
        Expr afterExpr = and(after);
        if (available.isEmpty()) {
            return new TableAccess(source, localPath, and(match), afterExpr, null, null, null, List.of(), List.of(),
                    null, matchRows, rows);
        }
        AccessPath joinPath = bestPath(source, match, available);
        boolean indexed = usesOuter(joinPath, available);
        List<Expr> outerKeys = new ArrayList<>();
        List<Expr> innerKeys = new ArrayList<>();
        List<Expr> residual = new ArrayList<>();
        for (Expr c : joining) {
            if (c instanceof Expr.Comparison cmp && cmp.op() == CompareOp.EQ && hashable(cmp, own, available,
                    outerKeys, innerKeys)) {
                continue;
            }
            residual.add(c);
        }
        double perProbe = outerRows <= 0 ? matchRows : Math.max(0, joined / Math.max(1, outerRows));
        double nestedLoop = outerRows * scanCost;
        double indexLoop = indexed ? outerRows * (2 + perProbe) : Double.POSITIVE_INFINITY;
        double hash = outerKeys.isEmpty() ? Double.POSITIVE_INFINITY : scanCost + 2 * localRows + outerRows;
        JoinAlgorithm algorithm;
        if (suggestion == JoinAlgorithm.INDEX_NESTED_LOOP && indexed
                || suggestion == JoinAlgorithm.HASH_JOIN && !outerKeys.isEmpty()
                || suggestion == JoinAlgorithm.NESTED_LOOP) {
            algorithm = suggestion;
        } else if (indexLoop <= hash && indexLoop <= nestedLoop) {
            algorithm = JoinAlgorithm.INDEX_NESTED_LOOP;
        } else if (hash <= nestedLoop) {
            algorithm = JoinAlgorithm.HASH_JOIN;
        } else {
            algorithm = JoinAlgorithm.NESTED_LOOP;
        }
        return switch (algorithm) {
            case HASH_JOIN -> new TableAccess(source, joinPath, and(match), afterExpr, algorithm, localPath,
                    and(local), outerKeys, innerKeys, and(residual), localRows, rows);
            case INDEX_NESTED_LOOP -> new TableAccess(source, joinPath, and(match), afterExpr, algorithm, null, null,
                    List.of(), List.of(), null, perProbe, rows);
            case NESTED_LOOP -> new TableAccess(source, localPath, and(match), afterExpr, algorithm, null, null,
                    List.of(), List.of(), null, perProbe, rows);
        };
    }

    /** Whether some key value of the path comes from an earlier table. */
    private static boolean usesOuter(AccessPath p, BitSet available) {
        List<Expr> parts = new ArrayList<>(p.equals());
        if (p.low() != null) {
            parts.add(p.low());
        }
        if (p.high() != null) {
            parts.add(p.high());
        }
        for (Expr e : parts) {
            if (readsAny(e, available)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code cmp} is an equality between an expression over this table and one over earlier tables whose
     * values hash alike when equal (both numeric, or of one type); if so adds the two sides as keys.
     */
    private static boolean hashable(Expr.Comparison cmp, BitSet own, BitSet available, List<Expr> outerKeys,
            List<Expr> innerKeys) {
        Expr inner;
        Expr outer;
        if (readsOnly(cmp.left(), own) && readsAny(cmp.left(), own) && readsOnly(cmp.right(), available)
                && readsAny(cmp.right(), available)) {
            inner = cmp.left();
            outer = cmp.right();
        } else if (readsOnly(cmp.right(), own) && readsAny(cmp.right(), own) && readsOnly(cmp.left(), available)
                && readsAny(cmp.left(), available)) {
            inner = cmp.right();
            outer = cmp.left();
        } else {
            return false;
        }
        ColumnType a = inner.type();
        ColumnType b = outer.type();
        if (a == null || b == null || !(a == b || Values.numeric(a) && Values.numeric(b))) {
            return false;
        }
        innerKeys.add(inner);
        outerKeys.add(outer);
        return true;
    }

    private static AccessPath bestPath(Query.Source source, List<Expr> conjuncts, BitSet available) {
        if (source.derived() != null) {
            return AccessPath.fullScan(); // a sub-query's rows have no key to range over
        }
        TableSchema schema = source.table().schema();
        AccessPath best = AccessPath.fullScan();
        int bestScore = 0;
        if (!schema.hasHiddenRowId()) {
            AccessPath pk = keyPath(AccessPath.Kind.PRIMARY_KEY, null, schema, schema.primaryKey(), source,
                    conjuncts, available);
            int score = score(pk, true);
            if (score > bestScore) {
                best = pk;
                bestScore = score;
            }
        }
        for (IndexDefinition index : source.table().definition().indexes()) {
            AccessPath p = keyPath(AccessPath.Kind.INDEX, index.name(), schema, index.columns(), source, conjuncts,
                    available);
            int score = score(p, index.unique());
            if (score > bestScore) {
                best = p;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * Equalities count twice a range bound; a full match of a unique key (at most one row) beats any prefix (ties:
     * the primary key). A full match of a non-unique index earns nothing extra: its key may repeat far more often
     * than a primary key prefix does (TPC-H's {@code l_suppkey} against {@code l_orderkey}).
     */
    private static int score(AccessPath p, boolean unique) {
        if (p == null) {
            return 0;
        }
        int s = 2 * p.equals().size() + (p.low() != null ? 1 : 0) + (p.high() != null ? 1 : 0);
        if (unique && p.equals().size() == p.keyColumns().size()) {
            s += 100;
        }
        return s;
    }

    private static AccessPath keyPath(AccessPath.Kind kind, String index, TableSchema schema, int[] key,
            Query.Source source, List<Expr> conjuncts, BitSet available) {
        List<Column> keyColumns = new ArrayList<>();
        for (int k : key) {
            keyColumns.add(schema.columns().get(k));
        }
        List<Expr> equals = new ArrayList<>();
        Expr low = null;
        Expr high = null;
        for (int k : key) {
            int column = source.offset() + k;
            Expr eq = bound(conjuncts, column, available, CompareOp.EQ);
            if (eq != null) {
                equals.add(eq);
                continue;
            }
            low = bound(conjuncts, column, available, CompareOp.GE, CompareOp.GT);
            high = bound(conjuncts, column, available, CompareOp.LE, CompareOp.LT);
            break;
        }
        if (equals.isEmpty() && low == null && high == null) {
            return null;
        }
        return new AccessPath(kind, index, keyColumns, equals, low, high);
    }

    /** The other side of a conjunct {@code column op X} (or {@code X op' column}) where X reads only earlier tables. */
    private static Expr bound(List<Expr> conjuncts, int column, BitSet available, CompareOp... ops) {
        for (Expr c : conjuncts) {
            if (!(c instanceof Expr.Comparison cmp)) {
                continue;
            }
            for (CompareOp op : ops) {
                if (cmp.op() == op && isColumn(cmp.left(), column) && readsOnly(cmp.right(), available)) {
                    return cmp.right();
                }
                if (cmp.op() == op.flip() && isColumn(cmp.right(), column) && readsOnly(cmp.left(), available)) {
                    return cmp.left();
                }
            }
        }
        return null;
    }

    private static boolean isColumn(Expr e, int column) {
        return e instanceof Expr.ColumnRef c && c.index() == column;
    }
}
