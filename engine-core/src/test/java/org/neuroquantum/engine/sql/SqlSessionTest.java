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
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.sql.exec.StatementResult;
import org.neuroquantum.spi.error.NeuroQuantumException;

class SqlSessionTest {
    @TempDir
    Path dir;
    Database db;
    SqlSession s;

    static RawConfig config() {
        return RawConfig.empty().set("eviction.policy", "test-fifo", "test").set("buffer.pool.size", "256KB", "test")
                .set("lock.wait-timeout", "2s", "test");
    }

    @BeforeEach
    void open() {
        db = Database.open(dir, config());
        s = new SqlSession(db);
        s.execute("CREATE TABLE emp (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, dept TEXT, salary BIGINT, "
                + "bonus DOUBLE, hired DATE)");
        s.execute("INSERT INTO emp VALUES (1, 'ann', 'eng', 100, 1.5, DATE '2020-01-02'), "
                + "(2, 'bob', 'eng', 80, NULL, '2021-03-04'), (3, 'cy', 'ops', NULL, 2.0, NULL), "
                + "(4, 'di', NULL, 120, 0.5, '2019-12-31'), (5, 'ed', 'ops', 90, NULL, '2022-06-30')");
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

    private NeuroQuantumException error(String sql, Object... params) {
        return assertThrows(NeuroQuantumException.class, () -> s.execute(sql, params));
    }

    @Test
    void selectWithWhereOrderLimit() {
        assertEquals(List.of(row(2, "bob"), row(5, "ed")),
                rows("SELECT id, name FROM emp WHERE salary < 100 ORDER BY id"));
        assertEquals(List.of(row("di"), row("ann")), rows("SELECT name FROM emp ORDER BY salary DESC LIMIT 2 OFFSET 1"));
        // DESC puts NULLs first (as PostgreSQL), NULLS LAST overrides.
        assertEquals(List.of(row("cy"), row("di")), rows("SELECT name FROM emp ORDER BY salary DESC LIMIT 2"));
        assertEquals(List.of(row("di"), row("ann")),
                rows("SELECT name FROM emp ORDER BY salary DESC NULLS LAST LIMIT 2"));
        assertEquals(List.of(row(3)), rows("SELECT id FROM emp ORDER BY salary NULLS FIRST LIMIT 1"));
        assertEquals(List.of(row("ed"), row("di")), rows("SELECT name AS n FROM emp ORDER BY n DESC LIMIT 2"));
        assertEquals(List.of(row(1, 101L)), rows("SELECT id, salary + 1 FROM emp WHERE id = 1"));
    }

    @Test
    void threeValuedLogic() {
        // salary NULL: neither salary > 95 nor NOT (salary > 95) holds.
        assertEquals(List.of(row(1), row(4)), rows("SELECT id FROM emp WHERE salary > 95 ORDER BY id"));
        assertEquals(List.of(row(2), row(5)), rows("SELECT id FROM emp WHERE NOT salary > 95 ORDER BY id"));
        assertEquals(List.of(row(3)), rows("SELECT id FROM emp WHERE salary IS NULL"));
        assertEquals(List.of(row(1), row(3), row(4)),
                rows("SELECT id FROM emp WHERE salary > 95 OR bonus >= 2 ORDER BY id"));
        // x NOT IN (…, NULL) is never TRUE.
        assertEquals(List.of(), rows("SELECT id FROM emp WHERE id NOT IN (1, NULL)"));
        assertEquals(List.of(row(1), row(2)), rows("SELECT id FROM emp WHERE id IN (1, 2, NULL) ORDER BY id"));
        assertEquals(List.of(row(3)), rows("SELECT id FROM emp WHERE dept IN ('ops') AND salary IS NULL"));
        assertEquals(List.of(row(1), row(2), row(5)),
                rows("SELECT id FROM emp WHERE dept LIKE '%e%' OR dept LIKE 'o_s' AND salary > 85 ORDER BY id"));
        assertEquals(List.of(row(2), row(5)),
                rows("SELECT id FROM emp WHERE salary BETWEEN 80 AND 95 ORDER BY id"));
        assertEquals(List.of(row(4)), rows("SELECT id FROM emp WHERE hired < '2020-01-01'"));
    }

    @Test
    void aggregatesAndGroupBy() {
        assertEquals(List.of(row(5L, 4L, 390L, 120L, 80L)),
                rows("SELECT COUNT(*), COUNT(salary), SUM(salary), MAX(salary), MIN(salary) FROM emp"));
        assertEquals(List.of(row(null, 1L, 120L), row("eng", 2L, 180L), row("ops", 2L, 90L)),
                rows("SELECT dept, COUNT(*), SUM(salary) FROM emp GROUP BY dept ORDER BY dept NULLS FIRST"));
        assertEquals(List.of(row("eng", 90.0)),
                rows("SELECT dept, AVG(salary) FROM emp GROUP BY dept HAVING COUNT(*) > 1 AND SUM(salary) > 100"));
        assertEquals(List.of(row(0L, null)), rows("SELECT COUNT(*), SUM(salary) FROM emp WHERE id > 100"));
        assertEquals(List.of(row(2L)), rows("SELECT COUNT(DISTINCT dept) FROM emp"));
        assertEquals(GROUPING, error("SELECT name, COUNT(*) FROM emp GROUP BY dept").errorCode().sqlState());
    }

    private static final String GROUPING = "42803";

    @Test
    void parametersAndPlans() {
        assertEquals(List.of(row("bob")), rows("SELECT name FROM emp WHERE id = ?", 2));
        assertTrue(s.explain("SELECT name FROM emp WHERE id = ?").contains("primary key lookup (id = $1)"));
        assertTrue(s.explain("SELECT name FROM emp WHERE id > 2 AND id <= 4").contains("primary key range"));
        assertTrue(s.explain("SELECT name FROM emp WHERE salary = 3").contains("full scan"));
        s.execute("CREATE INDEX emp_salary ON emp (salary)");
        assertTrue(s.explain("SELECT name FROM emp WHERE salary = 3").contains("index emp_salary lookup"));
        assertEquals(List.of(row("bob"), row("ed")),
                rows("SELECT name FROM emp WHERE salary >= ? AND salary < ? ORDER BY name", 80, 100L));
        assertEquals(List.of(), rows("SELECT name FROM emp WHERE id = 2.5"));
        assertEquals("42804", error("SELECT name FROM emp WHERE id = ?", "two").errorCode().sqlState());
        assertEquals(List.of(row("bob")), rows("SELECT name FROM emp WHERE id = 2.0"));
        assertEquals(List.of(row("cy"), row("di")), rows("SELECT name FROM emp WHERE id > 2.5 AND id < 4.5 ORDER BY 1"));
    }

    @Test
    void updateAndDelete() {
        assertEquals(2, s.execute("UPDATE emp SET salary = salary * 2, dept = 'x' WHERE dept = 'eng'").updateCount());
        assertEquals(List.of(row(1, 200L, "x"), row(2, 160L, "x")),
                rows("SELECT id, salary, dept FROM emp WHERE dept = 'x' ORDER BY id"));
        assertEquals(1, s.execute("DELETE FROM emp WHERE salary IS NULL").updateCount());
        assertEquals(List.of(row(4L)), rows("SELECT COUNT(*) FROM emp"));
        assertEquals(4, s.execute("DELETE FROM emp").updateCount());
    }

    @Test
    void transactions() {
        s.execute("BEGIN");
        s.execute("INSERT INTO emp (id, name) VALUES (10, 'x')");
        s.execute("ROLLBACK");
        assertEquals(List.of(), rows("SELECT id FROM emp WHERE id = 10"));
        s.execute("BEGIN");
        s.execute("INSERT INTO emp (id, name) VALUES (10, 'x')");
        s.execute("COMMIT");
        assertEquals(List.of(row(10)), rows("SELECT id FROM emp WHERE id = 10"));
        // A failing statement leaves nothing behind: the multi-row insert stops at the duplicate.
        assertEquals("23505", error("INSERT INTO emp (id, name) VALUES (11, 'y'), (1, 'dup')").errorCode().sqlState());
        assertEquals(List.of(), rows("SELECT id FROM emp WHERE id = 11"));
        s.execute("BEGIN");
        s.execute("INSERT INTO emp (id, name) VALUES (12, 'z')");
        NeuroQuantumException e = error("INSERT INTO emp (id, name) VALUES (13, NULL)");
        assertEquals("23502", e.errorCode().sqlState());
        assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
        assertFalse(s.inTransaction());
        assertEquals(List.of(), rows("SELECT id FROM emp WHERE id >= 12"));
        // DDL commits what came before it; the explicit transaction continues after it.
        s.execute("BEGIN");
        s.execute("INSERT INTO emp (id, name) VALUES (20, 'before')");
        s.execute("CREATE TABLE side (k INT)");
        s.execute("INSERT INTO emp (id, name) VALUES (21, 'after')");
        s.execute("ROLLBACK");
        assertEquals(List.of(row(20)), rows("SELECT id FROM emp WHERE id >= 20"));
    }

    @Test
    void errors() {
        NeuroQuantumException e = error("SELECT name\nFROM emp WHERE id = = 1");
        assertEquals("42601", e.errorCode().sqlState());
        assertTrue(e.getMessage().contains("line 2, column 19"), e.getMessage());
        e = error("SELECT nme FROM emp");
        assertEquals("42703", e.errorCode().sqlState());
        assertTrue(e.getMessage().contains("Did you mean name?"), e.getMessage());
        e = error("SELECT name FROM emps");
        assertEquals("42P01", e.errorCode().sqlState());
        assertTrue(e.getMessage().contains("Did you mean emp?"), e.getMessage());
        assertEquals("42P07", error("CREATE TABLE emp (a INT)").errorCode().sqlState());
        assertEquals("42804", error("SELECT id FROM emp WHERE name > 3").errorCode().sqlState());
        assertEquals("42804", error("INSERT INTO emp (id, name) VALUES ('x', 'y')").errorCode().sqlState());
        assertEquals("22012", error("SELECT salary / 0 FROM emp").errorCode().sqlState());
        assertEquals("22000", error("INSERT INTO emp (id, name) VALUES (3000000000, 'y')").errorCode().sqlState());
        assertEquals("0A000", error("WITH RECURSIVE r (n) AS (SELECT 1) SELECT n FROM r").errorCode().sqlState());
        assertEquals("07001", error("SELECT id FROM emp WHERE id = ?").errorCode().sqlState());
        s.execute("CREATE TABLE other (id INT, name TEXT)");
        assertEquals("42702", error("SELECT name FROM emp, other").errorCode().sqlState());
        assertEquals("23505", error("CREATE UNIQUE INDEX emp_dept ON emp (dept)").errorCode().sqlState());
    }

    @Test
    void innerJoinsNestedLoop() {
        s.execute("CREATE TABLE dept (code VARCHAR PRIMARY KEY, title TEXT)");
        s.execute("INSERT INTO dept VALUES ('eng', 'Engineering'), ('ops', 'Operations'), ('hr', 'People')");
        assertEquals(List.of(row("ann", "Engineering"), row("bob", "Engineering"), row("cy", "Operations"),
                row("ed", "Operations")),
                rows("SELECT e.name, d.title FROM emp e JOIN dept d ON e.dept = d.code ORDER BY e.name"));
        assertTrue(s.explain("SELECT e.name FROM emp e, dept d WHERE e.dept = d.code")
                .contains("nested loop: dept d: primary key lookup (code = e.dept)"));
        assertEquals(List.of(row(2L)), rows("SELECT COUNT(*) FROM emp e, dept d WHERE e.dept = d.code AND d.title "
                + "LIKE 'Eng%'"));
    }

    @Test
    void typesRoundTripAndSurviveReopen() {
        s.execute("CREATE TABLE t (k BIGINT PRIMARY KEY, d DECIMAL(10,2), b BOOLEAN, ts TIMESTAMP, u TEXT UNIQUE)");
        s.execute("INSERT INTO t VALUES (1, 12.50, TRUE, '2024-02-29 10:11:12', 'a'), (2, ?, ?, NULL, NULL)",
                new BigDecimal("3"), false);
        assertEquals("23505", error("INSERT INTO t (k, u) VALUES (3, 'a')").errorCode().sqlState());
        s.close();
        db.close();
        db = Database.open(dir, config());
        s = new SqlSession(db);
        assertEquals(List.of(row(1L, new BigDecimal("12.50"), true), row(2L, new BigDecimal("3"), false)),
                rows("SELECT k, d, b FROM t ORDER BY k"));
        assertEquals(List.of(row(LocalDate.of(2020, 1, 2))), rows("SELECT hired FROM emp WHERE id = 1"));
    }

    @Test
    void caseAndScalarFunctions() {
        assertEquals(List.of(row(1, "high"), row(2, "low"), row(3, "none")),
                rows("SELECT id, CASE WHEN salary >= 100 THEN 'high' WHEN salary < 100 THEN 'low' ELSE 'none' END "
                        + "FROM emp WHERE id <= 3 ORDER BY id"));
        assertEquals(List.of(row(1, 1), row(3, 0)),
                rows("SELECT id, CASE dept WHEN 'eng' THEN 1 ELSE 0 END FROM emp WHERE id IN (1, 3) ORDER BY id"));
        assertEquals(List.of(row(3, 0L, "CY", 2, "ops")),
                rows("SELECT id, COALESCE(salary, 0), UPPER(name), LENGTH(name), NULLIF(dept, 'eng') FROM emp "
                        + "WHERE id = 3"));
        assertEquals(List.of(row(5L, 2L)), rows("SELECT COUNT(*), SUM(CASE WHEN bonus IS NULL THEN 1 ELSE 0 END) "
                + "FROM emp"));
        assertEquals(List.of(row(7)), rows("SELECT ABS(-7)"));
        assertEquals("42804", error("SELECT CASE WHEN id = 1 THEN 'x' ELSE 2 END FROM emp").errorCode().sqlState());
        assertEquals("0A000", error("SELECT SQRT(id) FROM emp").errorCode().sqlState());
    }

    @Test
    void leftJoinsKeepUnmatchedRows() {
        s.execute("CREATE TABLE dept (code VARCHAR PRIMARY KEY, title TEXT)");
        s.execute("INSERT INTO dept VALUES ('eng', 'Engineering'), ('hr', 'People')");
        assertEquals(List.of(row("ann", "Engineering"), row("bob", "Engineering"), row("cy", null), row("di", null),
                row("ed", null)),
                rows("SELECT e.name, d.title FROM emp e LEFT JOIN dept d ON e.dept = d.code ORDER BY e.name"));
        // WHERE applies after the NULLs: the classic anti-join.
        assertEquals(List.of(row("hr")), rows("SELECT d.code FROM dept d LEFT JOIN emp e ON e.dept = d.code "
                + "WHERE e.id IS NULL"));
        // A condition in ON only limits the matches.
        assertEquals(List.of(row("eng", 1L), row("hr", 0L)), rows("SELECT d.code, COUNT(e.id) FROM dept d "
                + "LEFT JOIN emp e ON e.dept = d.code AND e.salary > 90 GROUP BY d.code ORDER BY d.code"));
        assertTrue(s.explain("SELECT d.code FROM dept d LEFT JOIN emp e ON e.id = 1")
                .contains("emp e (left join): primary key lookup (id = 1)"));
    }
}
