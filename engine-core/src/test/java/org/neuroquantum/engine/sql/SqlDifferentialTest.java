package org.neuroquantum.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the same generated statements on NeuroQuantumDB, H2 and SQLite (all through JDBC) and compares the results:
 * multisets, or lists where ORDER BY fixes the order (every ORDER BY ends with the primary key and says where NULLs
 * go, since the engines' default NULL placements differ). A statement that fails on NeuroQuantumDB must fail on H2
 * and the other way round; where both fail, SQLite's (more lenient) answer is not compared. Numbers are compared by
 * value (the engines choose different numeric result types).
 *
 * <p>Only queries on which the SQL standard, H2 and SQLite agree are generated: no integer division (SQLite and
 * the standard truncate, but types differ), no INTERSECT ALL / EXCEPT ALL (SQLite has neither) and no chains of
 * set operations (SQLite gives INTERSECT the same precedence as UNION); scalar sub-queries aggregate (SQLite takes
 * the first of several rows where the standard fails); text is lowercase and {@code case_sensitive_like} is on, so
 * SQLite's LIKE matches as the standard's does.
 */
class SqlDifferentialTest {
    private static final long SEED = Long.getLong("nq.sql.differential.seed", 20261125L);
    private static final int ROWS = 150;
    /** Longer campaigns: {@code -Dnq.sql.differential.queries=20000} (and another seed with {@code …seed=}). */
    private static final int QUERIES = Integer.getInteger("nq.sql.differential.queries", 2000);
    private static final int CHANGES = Math.max(10, QUERIES / 20);
    private static final String[] WORDS = {"ant", "bee", "cat", "cow", "dog", "eel", "emu", "fox", "gnu", ""};

    @TempDir
    Path dir;

    private final Random random = new Random(SEED);

    @Test
    void generatedQueriesAgreeWithH2AndSqlite() throws SQLException {
        String nqUrl = "jdbc:neuroquantum:" + dir + "?eviction.policy=test-fifo&buffer.pool.size=512KB";
        try (Connection nq = DriverManager.getConnection(nqUrl);
                Connection h2 = DriverManager.getConnection("jdbc:h2:mem:diff" + SEED + ";DB_CLOSE_DELAY=0");
                Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement s = sqlite.createStatement()) {
                s.execute("PRAGMA case_sensitive_like = ON");
            }
            List<Connection> all = List.of(nq, h2, sqlite);
            String[] ddl = {
                "CREATE TABLE t (id INT PRIMARY KEY, a INT, b BIGINT, c VARCHAR(10), d DOUBLE)",
                "CREATE TABLE u (id INT PRIMARY KEY, tid INT, w INT)",
                "CREATE INDEX t_a ON t (a)",
                "CREATE INDEX u_tid ON u (tid)"};
            for (String s : ddl) {
                everywhere(all, s);
            }
            for (int i = 0; i < ROWS; i++) {
                everywhere(all, "INSERT INTO t VALUES (" + i + ", " + maybe(intLiteral()) + ", " + maybe(intLiteral())
                        + ", " + maybe("'" + word() + "'") + ", " + maybe(doubleLiteral()) + ")");
            }
            for (int i = 0; i < ROWS / 2; i++) {
                everywhere(all, "INSERT INTO u VALUES (" + i + ", " + maybe(intLiteral()) + ", " + maybe(intLiteral())
                        + ")");
            }
            List<String> mismatches = new ArrayList<>();
            int errorsOnBoth = 0;
            int[] perKind = new int[KINDS];
            for (int q = 0; q < QUERIES; q++) {
                if (q % (QUERIES / CHANGES) == 0) {
                    String change = change();
                    Outcome x = run(nq, change, false);
                    Outcome y = run(h2, change, false);
                    Outcome z = run(sqlite, change, false);
                    if (!x.equals(y) || !x.equals(z)) {
                        mismatches.add(change + "\n  neuroquantum: " + x + "\n  h2:           " + y
                                + "\n  sqlite:       " + z);
                    }
                }
                Query query = query();
                perKind[query.kind]++;
                Outcome x = run(nq, query.sql, query.ordered);
                Outcome y = run(h2, query.sql, query.ordered);
                if (x.error != null && y.error != null) {
                    errorsOnBoth++;
                    continue;
                }
                Outcome z = run(sqlite, query.sql, query.ordered);
                if (!x.equals(y) || !x.equals(z)) {
                    mismatches.add(query.sql + "\n  neuroquantum: " + x + "\n  h2:           " + y
                            + "\n  sqlite:       " + z);
                }
            }
            Outcome finalT = run(nq, "SELECT * FROM t ORDER BY id", true);
            assertEquals(run(h2, "SELECT * FROM t ORDER BY id", true), finalT, "tables differ after the changes");
            assertEquals(run(sqlite, "SELECT * FROM t ORDER BY id", true), finalT, "tables differ after the changes");
            assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatch(es), first ones:\n"
                    + String.join("\n", mismatches.subList(0, Math.min(10, mismatches.size()))));
            // The generator must mostly produce statements the engines run, or the comparison proves little.
            assertTrue(errorsOnBoth < QUERIES / 10, errorsOnBoth + " queries failed on both engines");
            for (int k = 0; k < KINDS; k++) {
                assertTrue(perKind[k] > 0, "query kind " + k + " was never generated");
            }
        }
    }

    private static void everywhere(List<Connection> engines, String sql) throws SQLException {
        for (Connection c : engines) {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }

    private record Query(String sql, boolean ordered, int kind) {
        Query(String sql, boolean ordered) {
            this(sql, ordered, -1);
        }
    }

    private static final int KINDS = 19;

    /** A result as normalized text rows, or the error's SQLSTATE class. */
    private record Outcome(List<String> rows, String error) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Outcome x && java.util.Objects.equals(x.rows, rows) && (x.error == null) == (error == null);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hashCode(rows);
        }

        @Override
        public String toString() {
            return error != null ? "error " + error : rows.size() <= 12 ? rows.toString()
                    : rows.subList(0, 12) + "… (" + rows.size() + " rows)";
        }
    }

    private static Outcome run(Connection c, String sql, boolean ordered) {
        try (Statement s = c.createStatement()) {
            if (!s.execute(sql)) {
                return new Outcome(List.of("updated " + s.getUpdateCount()), null);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.getResultSet()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder b = new StringBuilder("(");
                    for (int i = 1; i <= n; i++) {
                        b.append(i > 1 ? ", " : "").append(normalize(rs.getObject(i)));
                    }
                    rows.add(b.append(')').toString());
                }
            }
            if (!ordered) {
                rows.sort(Comparator.naturalOrder());
            }
            return new Outcome(rows, null);
        } catch (SQLException e) {
            // Both failing counts as agreement; which error each reports is compared by the behaviour tests.
            return new Outcome(null, e.getSQLState() + " " + e.getMessage());
        }
    }

    private static String normalize(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Number n) {
            BigDecimal d = n instanceof BigDecimal x ? x : n instanceof Double || n instanceof Float
                    ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
            d = d.round(new MathContext(12)).stripTrailingZeros();
            return d.signum() == 0 ? "0" : d.toPlainString();
        }
        return v.toString();
    }

    // ---- generation ----

    private String maybe(String literal) {
        return random.nextInt(5) == 0 ? "NULL" : literal;
    }

    private String intLiteral() {
        return String.valueOf(random.nextInt(21) - 5);
    }

    private String doubleLiteral() {
        return String.valueOf((random.nextInt(400) - 100) / 8.0);
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private String intColumn(String prefix) {
        return prefix + pick("id", "a", "b");
    }

    private String numericTerm(String prefix) {
        return switch (random.nextInt(6)) {
            case 0 -> intColumn(prefix) + " " + pick("+", "-", "*") + " " + intColumn(prefix);
            case 1 -> intColumn(prefix) + " " + pick("+", "-", "*") + " " + intLiteral();
            case 2 -> prefix + "d";
            default -> intColumn(prefix);
        };
    }

    private String atom(String prefix) {
        return switch (random.nextInt(9)) {
            case 0 -> "(" + numericTerm(prefix) + " " + pick("=", "<>", "<", "<=", ">", ">=") + " " + intLiteral() + ")";
            case 1 -> "(" + prefix + "d " + pick("<", ">=") + " " + doubleLiteral() + ")";
            case 2 -> "(" + intColumn(prefix) + " " + pick("=", "<", ">") + " " + intColumn(prefix) + ")";
            case 3 -> "(" + pick(prefix + "a", prefix + "b", prefix + "c", prefix + "d") + " IS "
                    + pick("", "NOT ") + "NULL)";
            case 4 -> "(" + intColumn(prefix) + pick(" ", " NOT ") + "IN (" + maybe(intLiteral()) + ", "
                    + intLiteral() + ", " + intLiteral() + "))";
            case 5 -> {
                int lo = random.nextInt(15) - 5;
                yield "(" + intColumn(prefix) + pick(" ", " NOT ") + "BETWEEN " + lo + " AND " + (lo
                        + random.nextInt(8)) + ")";
            }
            case 6 -> "(" + prefix + "c" + pick(" ", " NOT ") + "LIKE '" + pick("%", "_", "") + pick("a", "o", "e", "")
                    + pick("%", "_", "w", "") + "')";
            case 7 -> "(" + prefix + "c " + pick("=", "<", ">=") + " '" + word() + "')";
            default -> "(" + prefix + "a " + pick("=", "<=") + " " + maybe(intLiteral()) + ")";
        };
    }

    private String predicate(String prefix, int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return atom(prefix);
        }
        return switch (random.nextInt(3)) {
            case 0 -> "(" + predicate(prefix, depth - 1) + " AND " + predicate(prefix, depth - 1) + ")";
            case 1 -> "(" + predicate(prefix, depth - 1) + " OR " + predicate(prefix, depth - 1) + ")";
            // JSqlParser 5.3 does not parse NOT NOT x; the operand is parenthesised.
            default -> "NOT (" + predicate(prefix, depth - 1) + ")";
        };
    }

    private String nulls() {
        return pick(" NULLS FIRST", " NULLS LAST");
    }

    private Query query() {
        int kind = random.nextInt(KINDS);
        Query q = kind < 10 ? plainQuery(kind) : subqueryOrSetQuery(kind);
        return new Query(q.sql, q.ordered, kind);
    }

    private Query plainQuery(int kind) {
        String where = " WHERE " + predicate("", 3);
        return switch (kind) {
            case 7 -> new Query("SELECT t.id, u.id, u.w FROM t LEFT JOIN u ON " + pick("t.a = u.tid", "t.id = u.tid")
                    + pick(" AND u.w > " + intLiteral(), "") + " WHERE " + predicate("t.", 1)
                    + pick("", " AND u.id IS NULL", " OR u.w < " + intLiteral()), false);
            case 8 -> new Query("SELECT DISTINCT " + pick("a", "c", "a, c", "b % 3") + " FROM t" + where, false);
            case 9 -> new Query("SELECT id, CASE WHEN " + predicate("", 1) + " THEN " + pick("a", "b", "1") + " WHEN "
                    + atom("") + " THEN " + pick("id", "NULL", "-1") + pick(" ELSE 0", "") + " END, COALESCE("
                    + pick("a, b", "c, 'none'", "d, a, 0") + "), " + pick("LOWER(c)", "UPPER(c)", "LENGTH(c)",
                    "ABS(a - b)", "NULLIF(a, 3)") + " FROM t" + where, false);
            case 0 -> new Query("SELECT id, a, b, c, d FROM t" + where + " ORDER BY id", true);
            case 1 -> new Query("SELECT id, " + numericTerm("") + " FROM t" + where, false);
            case 2 -> new Query("SELECT COUNT(*), COUNT(a), SUM(a), SUM(b), MIN(c), MAX(d), AVG(d) FROM t" + where,
                    true);
            case 3 -> {
                String key = pick("a", "c");
                yield new Query("SELECT " + key + ", COUNT(*), SUM(b), MAX(id) FROM t" + where + " GROUP BY " + key,
                        false);
            }
            case 4 -> new Query("SELECT id, a, c FROM t" + where + " ORDER BY " + pick("a", "c", "d") + " "
                    + pick("ASC", "DESC") + nulls() + ", id LIMIT " + random.nextInt(20) + " OFFSET "
                    + random.nextInt(10), true);
            case 5 -> new Query("SELECT t.id, u.id, u.w FROM t JOIN u ON " + pick("t.a = u.tid", "t.id = u.tid",
                    "u.id = t.b") + " WHERE " + predicate("t.", 2) + " AND (u.w " + pick("<", ">=", "=", "<>") + " "
                    + intLiteral() + pick(" OR u.w IS NULL)", " AND u.tid IS NOT NULL)", ")"), false);
            default -> new Query("SELECT a, COUNT(*) FROM t" + where + " GROUP BY a HAVING COUNT(*) > "
                    + random.nextInt(3) + " ORDER BY a" + nulls(), true);
        };
    }

    /** Sub-queries (IN, EXISTS, scalar, FROM, WITH) and set operations of two queries. */
    private Query subqueryOrSetQuery(int kind) {
        String where = " WHERE " + predicate("", 2);
        String uPredicate = "u.w " + pick("<", ">=", "<>") + " " + intLiteral();
        return switch (kind) {
            case 10 -> new Query("SELECT id, a FROM t" + where + " AND " + intColumn("") + pick(" ", " NOT ")
                    + "IN (SELECT " + pick("tid", "w") + " FROM u WHERE " + uPredicate + ")", false);
            case 11 -> new Query("SELECT id, c FROM t WHERE " + pick("", "NOT ") + "EXISTS (SELECT 1 FROM u WHERE "
                    + pick("u.tid = t.a", "u.tid = t.id", "u.w = t.b") + pick("", " AND " + uPredicate) + ")"
                    + pick("", " AND " + predicate("t.", 1)), false);
            case 12 -> new Query("SELECT id, (SELECT " + pick("MAX(w)", "COUNT(*)", "SUM(w)", "MIN(u.id)")
                    + " FROM u WHERE " + pick("u.tid = t.a", "u.tid = t.id", "u.w > t.b") + ") FROM t" + where,
                    false);
            case 13 -> new Query("SELECT id, b FROM t WHERE " + intColumn("") + " " + pick("<", ">=", "=") + " (SELECT "
                    + pick("MAX(w)", "MIN(tid)", "COUNT(*)") + " FROM u WHERE " + uPredicate + ")"
                    + pick("", " AND " + predicate("", 1)), false);
            case 14 -> new Query("SELECT x, COUNT(*), SUM(y) FROM (SELECT " + pick("a", "c", "b % 3") + " AS x, "
                    + pick("b", "a", "id") + " AS y FROM t" + where + ") AS s GROUP BY x", false);
            case 15 -> new Query("SELECT s.id, s.v, u.w FROM (SELECT id, " + pick("a", "b") + " AS v FROM t" + where
                    + ") AS s " + pick("JOIN", "LEFT JOIN") + " u ON u.tid = s." + pick("id", "v"), false);
            case 16 -> new Query("WITH s AS (SELECT tid, COUNT(*) AS n FROM u WHERE " + uPredicate
                    + " GROUP BY tid) SELECT t.id, s.n FROM t JOIN s ON s.tid = t." + pick("a", "id")
                    + " WHERE " + predicate("t.", 1), false);
            case 17 -> new Query("SELECT " + pick("a", "b % 4", "id") + " FROM t" + where + " "
                    + pick("UNION", "UNION ALL", "INTERSECT", "EXCEPT") + " SELECT " + pick("tid", "w") + " FROM u WHERE "
                    + uPredicate, false);
            default -> {
                String column = pick("a", "c");
                yield new Query("SELECT " + column + ", id FROM t" + where + " "
                    + pick("UNION", "UNION ALL", "EXCEPT") + " SELECT " + column + ", id + 1000 FROM t WHERE "
                    + predicate("", 1) + " ORDER BY 1" + nulls() + ", 2 LIMIT " + (1 + random.nextInt(30)), true);
            }
        };
    }

    private String change() {
        String where = predicate("", 2);
        return switch (random.nextInt(4)) {
            case 0 -> "DELETE FROM t WHERE " + where + " AND id % 7 = " + random.nextInt(7);
            case 1 -> "UPDATE t SET c = '" + word() + "' WHERE " + where;
            case 2 -> "INSERT INTO t VALUES (" + (1000 + random.nextInt(1000)) + ", " + maybe(intLiteral()) + ", "
                    + maybe(intLiteral()) + ", " + maybe("'" + word() + "'") + ", " + maybe(doubleLiteral()) + ")";
            default -> "UPDATE t SET b = b + " + intLiteral() + ", a = " + maybe(intLiteral()) + " WHERE " + where;
        };
    }
}
