package org.neuroquantum.engine.sql.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuroquantum.engine.sql.plan.QueryPlan;

/**
 * Renders an operator tree in the manner of PostgreSQL's EXPLAIN: one node per line, children indented under
 * {@code ->}, the planner's estimated rows per loop and, after EXPLAIN ANALYZE ran the tree, the actual rows (over
 * all loops), loops, time (including children, in milliseconds) and buffer pool hits and reads per node; then the
 * optimizer that chose the join order with its report. As text (one line per row of the result) or as one JSON
 * document.
 */
public final class Explain {
    private final Operator root;
    private final QueryPlan plan;
    private final boolean analyze;
    private final long nanos;

    /**
     * @param root the operator tree (already run when {@code analyze})
     * @param plan the plan it was built from
     * @param analyze whether actual figures are shown
     * @param nanos the execution time of the whole statement (ANALYZE)
     */
    public Explain(Operator root, QueryPlan plan, boolean analyze, long nanos) {
        this.root = root;
        this.plan = plan;
        this.analyze = analyze;
        this.nanos = nanos;
    }

    /** The plan as lines of text. */
    public List<String> text() {
        List<String> lines = new ArrayList<>();
        node(root, 0, lines);
        lines.add("Optimizer: " + (plan.optimizer().isEmpty() ? "none (joins in written order)" : plan.optimizer()));
        for (Map.Entry<String, String> e : plan.optimizerReport().entrySet()) {
            lines.add("  " + e.getKey() + ": " + e.getValue());
        }
        if (analyze) {
            lines.add("Execution Time: " + millis(nanos) + " ms");
        }
        return lines;
    }

    private void node(Operator op, int depth, List<String> lines) {
        String indent = depth == 0 ? "" : "  ".repeat(depth * 3 - 2) + "->  ";
        StringBuilder b = new StringBuilder(indent).append(op.label());
        if (op.estimatedRows() >= 0) {
            b.append("  (rows=").append(Math.round(op.estimatedRows())).append(')');
        }
        if (analyze) {
            b.append(" (actual rows=").append(op.actualRows()).append(" loops=").append(op.loops())
                    .append(" time=").append(millis(op.nanos())).append(" ms)");
        }
        lines.add(b.toString());
        String detail = depth == 0 ? "  " : "  ".repeat(depth * 3 - 2) + "      ";
        for (String d : op.details()) {
            lines.add(detail + d);
        }
        if (analyze) {
            lines.add(detail + "Buffers: shared hit=" + op.bufferHits() + " read=" + op.bufferReads());
            if (op.peakMemory() > 0) {
                lines.add(detail + "Memory: " + (op.peakMemory() + 1023) / 1024 + " kB");
            }
        }
        for (Operator child : op.children()) {
            node(child, depth + 1, lines);
        }
    }

    /** The plan as one JSON document. */
    public String json() {
        StringBuilder b = new StringBuilder("{\"Plan\": ");
        json(root, b);
        b.append(", \"Optimizer\": {\"Name\": ").append(plan.optimizer().isEmpty() ? "null"
                : quote(plan.optimizer()));
        for (Map.Entry<String, String> e : plan.optimizerReport().entrySet()) {
            b.append(", ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
        }
        b.append('}');
        if (analyze) {
            b.append(", \"Execution Time\": ").append(millis(nanos));
        }
        return b.append('}').toString();
    }

    private void json(Operator op, StringBuilder b) {
        b.append("{\"Node Type\": ").append(quote(op.label()));
        if (op.estimatedRows() >= 0) {
            b.append(", \"Plan Rows\": ").append(Math.round(op.estimatedRows()));
        }
        if (!op.details().isEmpty()) {
            b.append(", \"Details\": [");
            for (int i = 0; i < op.details().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(quote(op.details().get(i)));
            }
            b.append(']');
        }
        if (analyze) {
            b.append(", \"Actual Rows\": ").append(op.actualRows()).append(", \"Actual Loops\": ").append(op.loops())
                    .append(", \"Actual Total Time\": ").append(millis(op.nanos()))
                    .append(", \"Shared Hit Blocks\": ").append(op.bufferHits())
                    .append(", \"Shared Read Blocks\": ").append(op.bufferReads())
                    .append(", \"Peak Memory Bytes\": ").append(op.peakMemory());
        }
        if (!op.children().isEmpty()) {
            b.append(", \"Plans\": [");
            for (int i = 0; i < op.children().size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                json(op.children().get(i), b);
            }
            b.append(']');
        }
        b.append('}');
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    private static String quote(String s) {
        return '"' + escape(s) + '"';
    }

    /** JSON string escaping (without the quotes). */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
