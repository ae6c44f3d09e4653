package org.neuroquantum.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.sql.exec.StatementResult;
import org.neuroquantum.spi.error.NeuroQuantumException;

/** Sub-queries, derived tables, WITH, set operations, the TPC-H scalar functions, DEFAULT and DROP INDEX. */
class SqlLanguageTest {
    @TempDir
    Path dir;
    Database db;
    SqlSession s;

    @BeforeEach
    void open() {
        db = Database.open(dir, SqlSessionTest.config());
        s = new SqlSession(db);
        s.execute("CREATE TABLE emp (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, dept TEXT, salary BIGINT, "
                + "hired DATE)");
        s.execute("INSERT INTO emp VALUES (1, 'ann', 'eng', 100, DATE '2020-01-31'), (2, 'bob', 'eng', 80, NULL), "
                + "(3, 'cy', 'ops', NULL, '2021-03-04'), (4, 'di', NULL, 120, '2019-12-31'), "
                + "(5, 'ed', 'ops', 90, '2022-06-30')");
        s.execute("CREATE TABLE dept (code TEXT PRIMARY KEY, floor INT)");
        s.execute("INSERT INTO dept VALUES ('eng', 1), ('ops', 2), ('hr', 3)");
    }

    @AfterEach
    void close() {
        s.close();
        db.close();
    }

    private List<List<Object>> rows(String sql, Object... params) {
        StatementResult r = s.execute(sql, params);
        assertTrue(r.isQuery());
        List<List<Object>> out = new ArrayList<>();
        for (Object[] row : r.rows()) {
            out.add(Arrays.asList(row));
        }
        return out;
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private String state(String sql, Object... params) {
        return assertThrows(NeuroQuantumException.class, () -> s.execute(sql, params)).errorCode().sqlState();
    }

    @Test
    void scalarSubqueries() {
        assertEquals(List.of(row("di")), rows("SELECT name FROM emp WHERE salary = (SELECT MAX(salary) FROM emp)"));
        // Correlated: each employee against the average of their department.
        assertEquals(List.of(row("ann")), rows("SELECT name FROM emp e WHERE salary > "
                + "(SELECT AVG(salary) FROM emp x WHERE x.dept = e.dept) ORDER BY name"));
        // No row: NULL; in the select list too.
        assertEquals(List.of(row(1, null)), rows("SELECT id, (SELECT floor FROM dept WHERE code = 'xx') FROM emp "
                + "WHERE id = 1"));
        assertEquals(List.of(row("ann", 1), row("cy", 2)), rows("SELECT name, (SELECT floor FROM dept WHERE code = "
                + "emp.dept) FROM emp WHERE id IN (1, 3) ORDER BY id"));
        assertEquals("22000", state("SELECT (SELECT id FROM emp) FROM dept"));
        assertEquals("42601", state("SELECT (SELECT id, name FROM emp WHERE id = 1) FROM dept"));
        // Parameters inside and outside.
        assertEquals(List.of(row("bob")), rows("SELECT name FROM emp WHERE salary < (SELECT salary FROM emp WHERE "
                + "id = ?) AND id <> ?", 5, 5));
    }

    @Test
    void inAndExistsWithSubqueries() {
        assertEquals(List.of(row(1), row(2), row(3), row(5)),
                rows("SELECT id FROM emp WHERE dept IN (SELECT code FROM dept) ORDER BY id"));
        assertEquals(List.of(row("hr")), rows("SELECT code FROM dept WHERE code NOT IN (SELECT dept FROM emp "
                + "WHERE dept IS NOT NULL)"));
        // A NULL in the sub-query makes NOT IN unknown for every non-matching row.
        assertEquals(List.of(), rows("SELECT code FROM dept WHERE code NOT IN (SELECT dept FROM emp)"));
        // An empty sub-query: NOT IN is true even for NULL.
        assertEquals(5, rows("SELECT id FROM emp WHERE dept NOT IN (SELECT code FROM dept WHERE floor > 9)").size());
        assertEquals(List.of(row("eng"), row("ops")), rows("SELECT code FROM dept d WHERE EXISTS (SELECT * FROM emp "
                + "WHERE dept = d.code) ORDER BY code"));
        assertEquals(List.of(row("hr")), rows("SELECT code FROM dept d WHERE NOT EXISTS (SELECT 1 FROM emp WHERE "
                + "dept = d.code)"));
        // Two levels: the innermost reads the outermost query's row.
        assertEquals(List.of(row("eng")), rows("SELECT code FROM dept d WHERE EXISTS (SELECT 1 FROM emp e WHERE "
                + "e.dept = d.code AND EXISTS (SELECT 1 FROM emp f WHERE f.dept = d.code AND f.salary < e.salary))"));
        assertEquals("42804", state("SELECT id FROM emp WHERE id IN (SELECT code FROM dept)"));
        // UPDATE and DELETE conditions may use sub-queries.
        assertEquals(2L, s.execute("UPDATE emp SET salary = 0 WHERE dept IN (SELECT code FROM dept WHERE floor = 2)")
                .updateCount());
        assertEquals(List.of(row(0L), row(0L)), rows("SELECT salary FROM emp WHERE dept = 'ops'"));
        assertEquals(1L, s.execute("DELETE FROM dept WHERE NOT EXISTS (SELECT 1 FROM emp WHERE dept = code)")
                .updateCount());
    }

    @Test
    void derivedTablesAndWith() {
        assertEquals(List.of(row("eng", 180L), row("ops", 90L)), rows("SELECT d, total FROM (SELECT dept AS d, "
                + "SUM(salary) AS total FROM emp WHERE dept IS NOT NULL GROUP BY dept) AS t ORDER BY d"));
        assertEquals(List.of(row(2L)), rows("SELECT COUNT(*) FROM (SELECT dept FROM emp GROUP BY dept) AS g (x) "
                + "WHERE x IS NOT NULL"));
        // A derived table joined with a table, on either side.
        assertEquals(List.of(row("ann", 1), row("bob", 1)), rows("SELECT e.name, f.floor FROM emp e JOIN "
                + "(SELECT code, floor FROM dept WHERE floor = 1) AS f ON e.dept = f.code ORDER BY e.name"));
        assertEquals(List.of(row("hr", null)), rows("SELECT d.code, x.n FROM dept d LEFT JOIN (SELECT dept, COUNT(*) "
                + "AS n FROM emp GROUP BY dept) AS x ON x.dept = d.code WHERE x.n IS NULL"));
        assertEquals(List.of(row("di", 120L)), rows("WITH top (who, pay) AS (SELECT name, salary FROM emp ORDER BY "
                + "salary DESC NULLS LAST LIMIT 1) SELECT who, pay FROM top"));
        assertEquals(List.of(row(3L)), rows("WITH a AS (SELECT id FROM emp WHERE id > 1), b AS (SELECT id FROM a "
                + "WHERE id < 5) SELECT COUNT(*) FROM b"));
        assertEquals(List.of(row(true)), rows("WITH m AS (SELECT MAX(salary) AS s FROM emp) SELECT (SELECT s FROM m) "
                + "= 120 FROM dept WHERE code = 'hr'"));
        assertEquals("42601", state("SELECT * FROM (SELECT 1)"));
        assertEquals("42703", state("SELECT y FROM (SELECT id AS x FROM emp) AS t"));
        String plan = s.explain("SELECT * FROM (SELECT id FROM emp) AS t");
        assertTrue(plan.startsWith("derived t (subquery)"), plan);
    }

    @Test
    void setOperations() {
        assertEquals(List.of(row("eng"), row("hr"), row("ops")),
                rows("SELECT dept FROM emp WHERE dept IS NOT NULL UNION SELECT code FROM dept ORDER BY 1"));
        assertEquals(7, rows("SELECT dept FROM emp WHERE dept IS NOT NULL UNION ALL SELECT code FROM dept").size());
        assertEquals(List.of(row("eng"), row("ops")),
                rows("SELECT dept FROM emp INTERSECT SELECT code FROM dept ORDER BY dept"));
        assertEquals(List.of(row("hr")), rows("SELECT code FROM dept EXCEPT SELECT dept FROM emp"));
        // INTERSECT binds tighter: {eng, eng, ops, ops} EXCEPT ALL {ops}.
        assertEquals(List.of(row("eng"), row("eng"), row("ops")), rows("SELECT dept FROM emp WHERE dept IS NOT NULL EXCEPT ALL "
                + "SELECT code FROM dept INTERSECT SELECT 'ops' ORDER BY dept"));
        assertEquals(List.of(row((Object) null)), rows("SELECT dept FROM emp EXCEPT SELECT code FROM dept"));
        assertEquals(List.of(row(5), row(4)), rows("SELECT id FROM emp UNION SELECT floor FROM dept ORDER BY id DESC "
                + "LIMIT 2"));
        // Numbers widen to the common type.
        assertEquals(List.of(row(1L), row(120L)), rows("SELECT 1 UNION SELECT MAX(salary) FROM emp ORDER BY 1"));
        assertEquals(List.of(row(2L)), rows("SELECT COUNT(*) FROM (SELECT code FROM dept WHERE floor < 3 "
                + "INTERSECT SELECT dept FROM emp) AS both_"));
        assertEquals("42601", state("SELECT id, name FROM emp UNION SELECT code FROM dept"));
        assertEquals("42804", state("SELECT id FROM emp UNION SELECT code FROM dept"));
        assertEquals("0A000", state("SELECT id FROM emp UNION SELECT floor FROM dept ORDER BY id + 1"));
    }

    @Test
    void tpchScalarFunctions() {
        assertEquals(List.of(row("nn", "an", "ann-eng", 2020, 1, 31)), rows("SELECT SUBSTRING(name FROM 2 FOR 2), "
                + "SUBSTRING(name, 1, 2), name || '-' || dept, EXTRACT(YEAR FROM hired), EXTRACT(MONTH FROM hired), "
                + "EXTRACT(DAY FROM hired) FROM emp WHERE id = 1"));
        assertEquals(List.of(row("", "ann", null)), rows("SELECT SUBSTRING(name FROM 9), SUBSTRING(name FROM 0 FOR 4), "
                + "name || dept FROM emp WHERE id IN (1, 4) ORDER BY id DESC LIMIT 1 OFFSET 1".replace(
                "name || dept", "CAST(NULL AS TEXT) || dept")));
        // Month arithmetic keeps the day, clamped to the month's end (2020-01-31 + 1 month = 2020-02-29).
        assertEquals(List.of(row(LocalDate.of(2020, 2, 29), LocalDate.of(2019, 1, 31), LocalDate.of(2020, 1, 21))),
                rows("SELECT hired + INTERVAL '1' MONTH, hired - INTERVAL '1' YEAR, hired - INTERVAL '10' DAY FROM emp "
                        + "WHERE id = 1"));
        // Constant date arithmetic is folded, and usable as a key range.
        assertEquals(List.of(row(4), row(1)), rows("SELECT id FROM emp WHERE hired < DATE '2019-12-01' + INTERVAL "
                + "'3' MONTH ORDER BY hired"));
        assertEquals(List.of(row(new BigDecimal("2.35"), new BigDecimal("-2"), new BigDecimal("2"), 120L)), rows("SELECT "
                + "ROUND(2.345, 2), ROUND(-1.5), ROUND(2.4), ROUND(salary) FROM emp WHERE id = 4"));
        assertEquals("42804", state("SELECT EXTRACT(YEAR FROM name) FROM emp"));
        assertEquals("42804", state("SELECT name + INTERVAL '1' DAY FROM emp"));
        assertEquals("0A000", state("SELECT EXTRACT(HOUR FROM hired) FROM emp"));
        assertEquals("0A000", state("SELECT hired + INTERVAL '1.5' DAY FROM emp"));
    }

    @Test
    void orOfAndsSharesItsCommonConditionWithTheJoin() {
        String sql = "SELECT e.name FROM emp e, dept d WHERE (e.dept = d.code AND d.floor = 1) "
                + "OR (e.dept = d.code AND e.salary > 100) ORDER BY e.name";
        assertEquals(List.of(row("ann"), row("bob")), rows(sql));
        assertTrue(s.explain(sql).contains("primary key lookup (code = e.dept)"), s.explain(sql));
    }

    @Test
    void columnDefaults() {
        s.execute("CREATE TABLE t (id INT PRIMARY KEY, n INT DEFAULT -3 NOT NULL, s TEXT DEFAULT 'it''s', "
                + "d DATE DEFAULT '2024-02-29', x DOUBLE DEFAULT 1.5, b BOOLEAN DEFAULT true, z INT)");
        s.execute("INSERT INTO t (id) VALUES (1)");
        s.execute("INSERT INTO t (id, n, s) VALUES (2, 7, DEFAULT)");
        s.execute("INSERT INTO t (id, z) SELECT id + 10, id FROM emp WHERE id = 1");
        List<List<Object>> expected = List.of(
                row(1, -3, "it's", LocalDate.of(2024, 2, 29), 1.5, true, null),
                row(2, 7, "it's", LocalDate.of(2024, 2, 29), 1.5, true, null),
                row(11, -3, "it's", LocalDate.of(2024, 2, 29), 1.5, true, 1));
        assertEquals(expected, rows("SELECT * FROM t ORDER BY id"));
        s.close();
        db.close();
        db = Database.open(dir, SqlSessionTest.config());
        s = new SqlSession(db);
        assertEquals("-3", db.table("t").schema().columns().get(1).defaultValue());
        assertEquals("DATE '2024-02-29'", db.table("t").schema().columns().get(3).defaultValue());
        s.execute("INSERT INTO t (id) VALUES (3)");
        assertEquals(List.of(row(3, -3, "it's")), rows("SELECT id, n, s FROM t WHERE id = 3"));
        assertEquals("22000", state("CREATE TABLE bad (a INT DEFAULT 2.5)"));
        assertEquals("42804", state("CREATE TABLE bad (a INT DEFAULT 'x')"));
        assertEquals("0A000", state("CREATE TABLE bad (a DATE DEFAULT CURRENT_DATE)"));
        assertFalse(db.findTable("bad").isPresent());
    }

    @Test
    void dropIndex() {
        s.execute("CREATE INDEX emp_salary ON emp (salary)");
        assertTrue(s.explain("SELECT name FROM emp WHERE salary = 90").contains("index emp_salary"));
        s.execute("DROP INDEX emp_salary");
        assertEquals("emp: full scan, filter emp.salary = 90\n", s.explain("SELECT name FROM emp WHERE salary = 90"));
        assertEquals(List.of(row("ed")), rows("SELECT name FROM emp WHERE salary = 90"));
        s.execute("UPDATE emp SET salary = 91 WHERE id = 5");
        assertEquals("42P01", state("DROP INDEX emp_salary"));
        s.execute("DROP INDEX IF EXISTS emp_salary");
        // The name is free again, and the dropped index stays dropped across a reopen.
        s.execute("CREATE INDEX emp_salary ON emp (salary, id)");
        s.execute("DROP INDEX emp_salary");
        s.close();
        db.close();
        db = Database.open(dir, SqlSessionTest.config());
        s = new SqlSession(db);
        assertTrue(db.table("emp").definition().indexes().isEmpty());
        assertEquals(List.of(row("ed")), rows("SELECT name FROM emp WHERE salary = 91"));
    }
}
