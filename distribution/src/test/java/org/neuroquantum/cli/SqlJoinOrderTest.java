package org.neuroquantum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.sql.SqlSession;
import org.neuroquantum.engine.txn.Transaction;

/**
 * SQL join order through the real optimizer plugin (on the class path, embedded mode): with {@code optimizer=dp}
 * or {@code annealing} the planner hands the kernel's join graph to the plugin, EXPLAIN ANALYZE names it with its
 * report, and the answers equal those of the written order.
 */
class SqlJoinOrderTest {
    @TempDir
    Path dir;

    static final String QUERY = "SELECT p.name, COUNT(*), SUM(i.qty) FROM items i, orders o, products p "
            + "WHERE i.order_id = o.id AND i.product = p.id AND p.kind = 'rare' AND o.region < 3 GROUP BY p.name";

    private static Database open(Path dir, String optimizer) {
        RawConfig raw = RawConfig.empty().set("buffer.pool.size", "1MB", "test");
        if (optimizer != null) {
            raw = raw.set("optimizer", optimizer, "test");
        }
        return Database.open(dir, raw);
    }

    private static List<List<Object>> sorted(SqlSession s, String sql) {
        List<List<Object>> out = new ArrayList<>();
        for (Object[] r : s.execute(sql).rows()) {
            out.add(Arrays.asList(r));
        }
        out.sort(Comparator.comparing(Object::toString));
        return out;
    }

    private static List<String> lines(SqlSession s, String sql) {
        List<String> out = new ArrayList<>();
        for (Object[] r : s.execute(sql).rows()) {
            out.add((String) r[0]);
        }
        return out;
    }

    private static int lineOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no " + part + " in\n" + String.join("\n", lines));
    }

    @Test
    void theConfiguredOptimizerOrdersTheJoins() {
        List<List<Object>> expected;
        try (Database db = open(dir, null); SqlSession s = new SqlSession(db)) {
            s.execute("CREATE TABLE products (id INT PRIMARY KEY, name TEXT, kind TEXT)");
            s.execute("CREATE TABLE orders (id INT PRIMARY KEY, region INT)");
            s.execute("CREATE TABLE items (id INT PRIMARY KEY, order_id INT, product INT, qty INT)");
            // Loaded through the table API in one transaction: parsing thousands of VALUES rows is slow.
            try (Transaction tx = db.begin()) {
                for (int i = 0; i < 40; i++) {
                    db.table("products").insert(tx, new Object[] {i, "p" + i, i % 10 == 0 ? "rare" : "common"});
                }
                for (int i = 0; i < 400; i++) {
                    db.table("orders").insert(tx, new Object[] {i, i % 20});
                }
                for (int i = 0; i < 2000; i++) {
                    db.table("items").insert(tx, new Object[] {i, (i * 7) % 400, (i * 13) % 40, i % 5 + 1});
                }
                tx.commit();
            }
            s.execute("ANALYZE");
            expected = sorted(s, QUERY);
            List<String> written = lines(s, "EXPLAIN " + QUERY);
            assertTrue(lineOf(written, "on items i") < lineOf(written, "on orders o"), String.join("\n", written));
            assertTrue(written.contains("Optimizer: none (joins in written order)"));
        }
        assertEquals(2, expected.size());
        for (String optimizer : List.of("dp", "annealing")) {
            try (Database db = open(dir, optimizer); SqlSession s = new SqlSession(db)) {
                List<String> plan = lines(s, "EXPLAIN ANALYZE " + QUERY);
                String text = String.join("\n", plan);
                assertTrue(plan.contains("Optimizer: " + optimizer), text);
                assertTrue(plan.contains("  optimizer: " + optimizer), text);
                assertTrue(text.contains("  estimated cost: "), text);
                // The big fact table is not read first: both small filtered dimensions are cheaper to start from.
                int items = lineOf(plan, "on items i");
                assertTrue(lineOf(plan, "on products p") < items || lineOf(plan, "on orders o") < items, text);
                assertTrue(text.contains("(rows=") && text.contains("actual rows="), text);
                assertEquals(expected, sorted(s, QUERY), optimizer);
            }
        }
    }
}
