package org.neuroquantum.engine.sql.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatementNormalizerTest {
    @Test
    void literalsBecomeParametersAndLayoutIsCanonical() {
        assertEquals("SELECT * FROM sensors WHERE temp > ? AND room = ?",
                StatementNormalizer.normalize("SELECT *\n  FROM sensors\tWHERE temp > 25.5 AND room = 'it''s';"));
        assertEquals("SELECT * FROM sensors WHERE temp > ? AND room = ?",
                StatementNormalizer.normalize("SELECT * FROM sensors WHERE temp > 1e3 AND room = 'x'"));
        assertEquals("INSERT INTO t1 (c_2) VALUES (?), (-?)",
                StatementNormalizer.normalize("INSERT INTO t1 (c_2) VALUES (7), (-.5) -- comment"));
        assertEquals("SELECT \"a 1\" FROM t WHERE x = ?",
                StatementNormalizer.normalize("/* why */ SELECT \"a 1\" FROM t WHERE x = ?"));
        assertEquals("SELECT ?", StatementNormalizer.normalize("SELECT 'unterminated"));
    }
}
