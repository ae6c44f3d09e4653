package org.neuroquantum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroquantum.cli.sql.SqlScript;

class SqlScriptTest {
    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        SqlScript.Split s = SqlScript.split("SELECT 'a;b', \"c;d\" -- e;f\n;\n/* g;\nh */ INSERT INTO t\n"
                + "VALUES (1);  ;\nSELECT 'it''s;'; SELECT 2", 1);
        assertEquals(List.of(new SqlScript.Statement("SELECT 'a;b', \"c;d\" -- e;f", 1),
                new SqlScript.Statement("INSERT INTO t\nVALUES (1)", 4),
                new SqlScript.Statement("SELECT 'it''s;'", 6)), s.statements());
        assertEquals(" SELECT 2", s.rest());
        assertEquals(6, s.restLine());
    }

    @Test
    void blankAndCommentOnlyPiecesAreNoStatements() {
        SqlScript.Split s = SqlScript.split("\n-- only a comment\n;\n/* x */;\n", 10);
        assertEquals(List.of(), s.statements());
        assertEquals("", s.rest());
    }

    @Test
    void anUnterminatedQuoteKeepsTheStatementOpen() {
        SqlScript.Split s = SqlScript.split("SELECT 'abc;\ndef", 1);
        assertEquals(List.of(), s.statements());
        assertEquals("SELECT 'abc;\ndef", s.rest());
    }
}
