package org.neuroquantum.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.neuroquantum.cli.sql.SqlScript;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.sql.SqlSession;
import org.neuroquantum.engine.sql.exec.StatementResult;
import org.neuroquantum.engine.table.Column;
import org.neuroquantum.engine.table.IndexDefinition;
import org.neuroquantum.engine.table.TableSchema;
import org.neuroquantum.spi.error.NeuroQuantumException;

/**
 * Runs SQL for {@code neuroquantum sql}: scripts (from {@code -e}, {@code -f} or standard input) and the
 * interactive JLine loop. Each statement runs in the session as it comes; results are printed in the chosen
 * format, in table format followed by the row count and the time the statement took.
 */
final class SqlShell {
    private static final Pattern SYNTAX_LINE = Pattern.compile("at line (\\d+), column");

    static final String HELP = String.join("\n",
            "Type SQL statements ending with ';' (they may span lines). Statements run in autocommit mode unless",
            "you BEGIN a transaction (COMMIT or ROLLBACK ends it).",
            "",
            "  \\d              list the tables (and, with the sample, try: SELECT * FROM sensors WHERE temp > 25;)",
            "  \\d TABLE        the columns and indexes of TABLE",
            "  help, \\?        this text",
            "  \\q, exit, quit  leave (an open transaction is rolled back)",
            "",
            "System tables: nq_stat_statements, nq_stat_indexes, nq_locks, nq_plugins, nq_metrics.",
            "EXPLAIN [ANALYZE] shows a statement's plan; ANALYZE collects the statistics the planner uses.",
            "Ctrl-C discards the statement being typed or cancels the one running (SQLSTATE 57014); Ctrl-D leaves.",
            "History is kept across sessions.");

    private final SqlSession session;
    private final ResultFormat format;
    private final PrintWriter out;
    private final PrintWriter err;
    private final List<Map<String, Object>> jsonResults = new ArrayList<>();
    private boolean collectJson;

    SqlShell(SqlSession session, ResultFormat format, PrintWriter out, PrintWriter err) {
        this.session = session;
        this.format = format;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs every statement of {@code text}. Stops at the first failing statement unless {@code continueOnError};
     * an unterminated last statement runs too.
     *
     * @param source names the text in error messages ({@code FILE:LINE:})
     * @return the number of statements that failed
     */
    int runScript(String text, String source, boolean continueOnError) {
        SqlScript.Split split = SqlScript.split(text, 1);
        List<SqlScript.Statement> statements = new ArrayList<>(split.statements());
        if (!split.rest().isEmpty()) {
            statements.add(SqlScript.split(split.rest() + "\n;", split.restLine()).statements().get(0));
        }
        collectJson = format == ResultFormat.json;
        int failures = 0;
        try {
            for (SqlScript.Statement s : statements) {
                if (!execute(s, source)) {
                    failures++;
                    if (!continueOnError) {
                        break;
                    }
                }
            }
        } finally {
            if (collectJson) {
                out.println(Json.write(jsonResults));
                jsonResults.clear();
                collectJson = false;
            }
            out.flush();
        }
        return failures;
    }

    /** Runs one statement and prints its result or error; false when it failed. */
    boolean execute(SqlScript.Statement s, String source) {
        long start = System.nanoTime();
        try {
            StatementResult r = session.execute(s.text());
            double millis = (System.nanoTime() - start) / 1e6;
            print(s, r, millis);
            return true;
        } catch (NeuroQuantumException e) {
            String remedy = e.remedy() == null || e.remedy().isBlank() ? "" : "\n  Fix: " + e.remedy();
            error(s, source, e.errorCode().sqlState(), e.errorCode().sqlState() + ": "
                    + adjustLines(e.causeDescription(), s.line()) + remedy, e.errorCode().code(),
                    e.causeDescription(), e.remedy());
            return false;
        } catch (RuntimeException e) {
            // A bug rather than a user error; the statement still fails on its own without ending the session.
            error(s, source, "XX000", "XX000: internal error: " + e, "XX000", String.valueOf(e), null);
            return false;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private void error(SqlScript.Statement s, String source, String sqlState, String message, String code,
            String cause, String remedy) {
        String where = source == null ? "" : source + ":" + s.line() + ": ";
        err.println(where + "ERROR " + message);
        if (collectJson) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("code", code);
            e.put("sqlState", sqlState);
            e.put("message", cause);
            e.put("remedy", remedy);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("statement", s.text());
            m.put("line", s.line());
            m.put("error", e);
            jsonResults.add(m);
        }
    }

    /** A syntax error's line is relative to its statement; this makes it a line of the script. */
    private static String adjustLines(String message, int statementLine) {
        if (statementLine == 1) {
            return message;
        }
        Matcher m = SYNTAX_LINE.matcher(message);
        if (!m.find()) {
            return message;
        }
        int line = Integer.parseInt(m.group(1)) + statementLine - 1;
        return message.substring(0, m.start()) + "at line " + line + ", column" + message.substring(m.end());
    }

    private void print(SqlScript.Statement s, StatementResult r, double millis) {
        switch (format) {
            case table -> {
                if (r.isQuery()) {
                    ResultPrinter.table(r, out);
                    int n = r.rows().size();
                    out.printf(Locale.ROOT, "(%d row%s, %.3f ms)%n%n", n, n == 1 ? "" : "s", millis);
                } else if (changesRows(s.text())) {
                    out.printf(Locale.ROOT, "%d row%s affected (%.3f ms)%n%n", r.updateCount(),
                            r.updateCount() == 1 ? "" : "s", millis);
                } else {
                    out.printf(Locale.ROOT, "OK (%.3f ms)%n%n", millis);
                }
            }
            case csv -> {
                if (r.isQuery()) {
                    ResultPrinter.csv(r, out);
                }
            }
            case json -> {
                Map<String, Object> m = ResultPrinter.json(s.text(), s.line(), r, millis);
                if (collectJson) {
                    jsonResults.add(m);
                } else {
                    out.println(Json.write(m));
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private static boolean changesRows(String sql) {
        String first = sql.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        return first.equals("INSERT") || first.equals("UPDATE") || first.equals("DELETE");
    }

    /**
     * The interactive loop: prompts {@code nq>} (and {@code ..>} inside an unfinished statement), runs each
     * statement once its {@code ;} is typed, keeps history in {@code history}.
     *
     * @return the exit status: 0
     */
    int interactive(Terminal terminal, Path history, String banner) {
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("neuroquantum")
                .variable(LineReader.HISTORY_FILE, history)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        PrintWriter w = out;
        w.println(banner);
        w.println("Type help for help, \\q to quit.");
        w.flush();
        StringBuilder buffer = new StringBuilder();
        int bufferLine = 1;
        int line = 0;
        while (true) {
            String input;
            try {
                input = reader.readLine(buffer.length() == 0 ? "nq> " : "..> ");
            } catch (UserInterruptException e) {
                buffer.setLength(0);
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            line++;
            if (buffer.length() == 0 || SqlScript.isBlank(buffer.toString())) {
                String command = input.strip();
                if (command.endsWith(";") && !command.startsWith("\\")) {
                    command = command.substring(0, command.length() - 1).strip();
                }
                String lower = command.toLowerCase(Locale.ROOT);
                if (lower.equals("\\q") || lower.equals("exit") || lower.equals("quit")) {
                    break;
                }
                if (lower.equals("help") || lower.equals("\\?") || lower.equals("\\h")) {
                    w.println(HELP);
                    w.flush();
                    continue;
                }
                if (lower.equals("\\d") || lower.startsWith("\\d ")) {
                    describe(command.substring(2).strip(), w);
                    continue;
                }
                if (buffer.length() == 0) {
                    bufferLine = line;
                }
            }
            buffer.append(input).append('\n');
            SqlScript.Split split = SqlScript.split(buffer.toString(), bufferLine);
            // While statements run, Ctrl-C cancels the running one instead of ending the shell.
            Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> session.cancel());
            try {
                for (SqlScript.Statement s : split.statements()) {
                    execute(s, null);
                }
            } finally {
                terminal.handle(Terminal.Signal.INT, previous);
            }
            buffer.setLength(0);
            buffer.append(split.rest());
            bufferLine = split.restLine();
        }
        if (session.inTransaction()) {
            session.rollback();
            w.println("The open transaction was rolled back.");
        }
        w.flush();
        return 0;
    }

    /** {@code \d}: the tables; {@code \d NAME}: one table's columns and indexes. */
    private void describe(String name, PrintWriter w) {
        Database db = session.database();
        try {
            if (name.isEmpty()) {
                TextTable t = new TextTable("table", "columns", "indexes");
                for (String n : db.tableNames()) {
                    Table table = db.table(n);
                    t.row(n, table.schema().size(), String.join(", ",
                            table.definition().indexes().stream().map(IndexDefinition::name).toList()));
                }
                t.print(w, new boolean[] {false, true, false}, true);
            } else {
                Table table = db.table(name);
                TableSchema schema = table.schema();
                TextTable t = new TextTable("column", "type", "nullable", "primary key");
                for (int i = 0; i < schema.size(); i++) {
                    Column c = schema.columns().get(i);
                    t.row(c.name(), c.type(), c.nullable() ? "yes" : "no", schema.isKeyColumn(i) ? "yes" : "");
                }
                t.print(w, new boolean[4], true);
                for (IndexDefinition index : table.definition().indexes()) {
                    List<String> cols = new ArrayList<>();
                    for (int p : index.columns()) {
                        cols.add(schema.columns().get(p).name());
                    }
                    w.println("index " + index.name() + (index.unique() ? " (unique)" : "") + " on ("
                            + String.join(", ", cols) + ")");
                }
            }
        } catch (NeuroQuantumException e) {
            w.println("ERROR " + e.errorCode().sqlState() + ": " + e.causeDescription());
        }
        w.println();
        w.flush();
    }
}
