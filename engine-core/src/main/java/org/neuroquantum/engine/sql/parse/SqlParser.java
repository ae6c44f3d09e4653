package org.neuroquantum.engine.sql.parse;

import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

/** Parses one SQL statement with JSqlParser. Thread-safe (holds no state). */
public final class SqlParser {
    // JSqlParser parses BEGIN only as the start of a procedural block; these are matched on the text instead.
    private static final Pattern BEGIN = Pattern.compile("(?i)\\s*(BEGIN|START)(\\s+(TRANSACTION|WORK))?\\s*;?\\s*");
    private static final Pattern COMMIT = Pattern.compile("(?i)\\s*(COMMIT|END)(\\s+(TRANSACTION|WORK))?\\s*;?\\s*");
    private static final Pattern ROLLBACK = Pattern.compile("(?i)\\s*ROLLBACK(\\s+(TRANSACTION|WORK))?\\s*;?\\s*");

    // JSqlParser 5.3 parses EXPLAIN only with MySQL-style options (no parenthesised ANALYZE/FORMAT list) and its
    // ANALYZE needs a table: both are recognised here and the rest handed to JSqlParser.
    private static final Pattern EXPLAIN = Pattern.compile(
            "(?is)\\s*EXPLAIN(\\s+ANALY[SZ]E)?(\\s+VERBOSE)?\\s*(\\((?<options>[^)]*)\\))?(?<rest>.*)");
    private static final Pattern ANALYZE = Pattern.compile(
            "(?i)\\s*ANALY[SZ]E(\\s+(VERBOSE\\s+)?(?<table>[A-Za-z_][A-Za-z0-9_]*|\"[^\"]+\"))?\\s*;?\\s*");

    private SqlParser() {
    }

    /**
     * Parses {@code sql}, which holds one statement (a trailing semicolon is allowed).
     *
     * @throws NeuroQuantumException {@code 42601} naming line and column of the first token that does not fit
     */
    public static ParsedStatement parse(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, "The statement is empty.", "Give a SQL statement.");
        }
        if (BEGIN.matcher(sql).matches()) {
            return new ParsedStatement(sql, ParsedStatement.TransactionControl.BEGIN, null, 0);
        }
        if (COMMIT.matcher(sql).matches()) {
            return new ParsedStatement(sql, ParsedStatement.TransactionControl.COMMIT, null, 0);
        }
        if (ROLLBACK.matcher(sql).matches()) {
            return new ParsedStatement(sql, ParsedStatement.TransactionControl.ROLLBACK, null, 0);
        }
        java.util.regex.Matcher explain = EXPLAIN.matcher(sql);
        if (explain.matches()) {
            boolean analyze = explain.group(1) != null;
            boolean json = false;
            String options = explain.group("options");
            if (options != null) {
                for (String option : options.split(",")) {
                    String[] words = option.strip().toUpperCase(java.util.Locale.ROOT).split("\\s+");
                    switch (words[0]) {
                        case "ANALYZE", "ANALYSE" -> analyze = words.length == 1 || !words[1].equals("FALSE");
                        case "FORMAT" -> {
                            if (words.length != 2 || !(words[1].equals("JSON") || words[1].equals("TEXT"))) {
                                throw new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, "EXPLAIN option " + option.strip()
                                        + " is not FORMAT TEXT or FORMAT JSON.", "Write FORMAT JSON or FORMAT TEXT.");
                            }
                            json = words[1].equals("JSON");
                        }
                        case "VERBOSE", "COSTS", "BUFFERS", "TIMING", "SUMMARY" -> {
                            // Accepted for PostgreSQL compatibility; the output always has what they switch on.
                        }
                        default -> throw new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, "Unknown EXPLAIN option "
                                + option.strip() + ".", "Options: ANALYZE, FORMAT JSON|TEXT.");
                    }
                }
            }
            ParsedStatement inner = parse(explain.group("rest"));
            if (inner.tree() == null) {
                throw new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, "EXPLAIN needs a statement with a plan.",
                        "Write EXPLAIN SELECT ….");
            }
            return new ParsedStatement(sql, null, inner.tree(), inner.parameterCount(),
                    new ParsedStatement.Explain(analyze, json), null);
        }
        java.util.regex.Matcher analyze = ANALYZE.matcher(sql);
        if (analyze.matches()) {
            String table = analyze.group("table");
            if (table != null && table.startsWith("\"")) {
                table = table.substring(1, table.length() - 1);
            }
            return new ParsedStatement(sql, null, null, 0, null, new ParsedStatement.Analyze(table));
        }
        Statement tree;
        try {
            CCJSqlParser parser = CCJSqlParserUtil.newParser(sql);
            tree = parser.Statement();
            // Statement() consumes a trailing semicolon: anything after it is a second statement.
            Token next = parser.getNextToken();
            if (next != null && next.kind != 0) {
                throw new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, "More than one statement: another begins at "
                        + "line " + next.beginLine + ", column " + next.beginColumn + ".",
                        "Execute one statement at a time.");
            }
        } catch (ParseException e) {
            Token at = e.currentToken == null ? null : e.currentToken.next;
            if (at == null) {
                throw new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, "Syntax error: " + firstLine(e.getMessage()),
                        "Correct the statement.", e);
            }
            throw syntax(sql, at.beginLine, at.beginColumn, at.kind == 0 ? null : at.image);
        } catch (TokenMgrException e) {
            throw new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, "Syntax error: " + firstLine(e.getMessage()),
                    "Correct the statement.", e);
        }
        if (tree == null) {
            throw new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, "The statement is empty.", "Give a SQL statement.");
        }
        return new ParsedStatement(sql, null, tree, countParameters(sql));
    }

    /** Counts {@code ?} outside string literals, quoted identifiers and comments. */
    static int countParameters(String sql) {
        int count = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int close = sql.indexOf(c, i + 1);
                i = close < 0 ? sql.length() : close + 1;
            } else if (c == '-' && sql.startsWith("--", i)) {
                int close = sql.indexOf('\n', i);
                i = close < 0 ? sql.length() : close + 1;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? sql.length() : close + 2;
            } else {
                if (c == '?') {
                    count++;
                }
                i++;
            }
        }
        return count;
    }

    private static NeuroQuantumException syntax(String sql, int line, int column, String token) {
        String text = sql.split("\\R", -1)[Math.max(0, Math.min(line - 1, sql.split("\\R", -1).length - 1))];
        String pointer = " ".repeat(Math.max(0, column - 1)) + "^";
        return new NeuroQuantumException(ErrorCode.SYNTAX_ERROR, "Syntax error at line " + line + ", column " + column
                + (token == null ? ": unexpected end of statement." : " near \"" + token + "\".") + "\n  " + text
                + "\n  " + pointer, "Correct the statement at that position.");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown";
        }
        return message.strip().split("\\R", 2)[0];
    }
}
