package org.neuroquantum.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroquantum.engine.sql.exec.StatementResult;
import org.neuroquantum.engine.table.ColumnType;

/** Prints statement results as aligned tables, CSV (RFC 4180) or JSON objects. */
final class ResultPrinter {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private ResultPrinter() {
    }

    /** A value as text: NULL as {@code nullText}, BLOBs as {@code \x} and hex, timestamps with a space. */
    static String text(Object v, String nullText) {
        if (v == null) {
            return nullText;
        }
        if (v instanceof byte[] b) {
            return "\\x" + HexFormat.of().formatHex(b);
        }
        if (v instanceof LocalDateTime t) {
            return (t.getNano() == 0 ? SECONDS : MICROS).format(t);
        }
        if (v instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(v);
    }

    /** An aligned table with a rule under the header; numbers are right-aligned. */
    static void table(StatementResult r, PrintWriter out) {
        TextTable t = new TextTable(r.names().toArray(String[]::new));
        for (Object[] row : r.rows()) {
            Object[] cells = new Object[row.length];
            for (int i = 0; i < row.length; i++) {
                cells[i] = text(row[i], "NULL");
            }
            t.row(cells);
        }
        boolean[] right = new boolean[r.names().size()];
        for (int i = 0; i < right.length; i++) {
            ColumnType type = i < r.types().size() ? r.types().get(i) : null;
            right[i] = type == ColumnType.INTEGER || type == ColumnType.BIGINT || type == ColumnType.DOUBLE
                    || type == ColumnType.DECIMAL;
        }
        t.print(out, right, true);
    }

    /** A header line and one line per row; NULL is an empty field. */
    static void csv(StatementResult r, PrintWriter out) {
        out.println(String.join(",", r.names().stream().map(ResultPrinter::csvField).toList()));
        for (Object[] row : r.rows()) {
            List<String> fields = new ArrayList<>();
            for (Object v : row) {
                fields.add(v == null ? "" : csvField(text(v, "")));
            }
            out.println(String.join(",", fields));
        }
    }

    private static String csvField(String s) {
        if (s.isEmpty() || s.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                || s.isBlank() || !s.strip().equals(s)) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /**
     * One statement's result for JSON output: {@code statement}, {@code line}, then {@code columns} and
     * {@code rows} (arrays, numbers and booleans as JSON values, the rest as text) and {@code rowCount} for a
     * query, or {@code updateCount}; {@code millis}.
     */
    static Map<String, Object> json(String statement, int line, StatementResult r, double millis) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statement", statement);
        m.put("line", line);
        if (r.isQuery()) {
            m.put("columns", r.names());
            List<List<Object>> rows = new ArrayList<>();
            for (Object[] row : r.rows()) {
                List<Object> values = new ArrayList<>();
                for (Object v : row) {
                    values.add(v == null || v instanceof Number || v instanceof Boolean ? v : text(v, null));
                }
                rows.add(values);
            }
            m.put("rows", rows);
            m.put("rowCount", r.rows().size());
        } else {
            m.put("updateCount", r.updateCount());
        }
        m.put("millis", Math.round(millis * 1000) / 1000.0);
        return m;
    }
}
