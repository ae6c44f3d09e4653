package org.neuroquantum.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain aligned text table for terminal output. */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    TextTable row(Object... cells) {
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = cells[i] == null ? "" : String.valueOf(cells[i]);
        }
        rows.add(text);
        return this;
    }

    void print(PrintWriter out) {
        print(out, new boolean[rows.get(0).length], false);
    }

    /**
     * Prints the table; columns flagged in {@code rightAligned} are padded on the left (numbers), and with
     * {@code rule} a line of dashes separates the header from the rows.
     */
    void print(PrintWriter out, boolean[] rightAligned, boolean rule) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        boolean header = true;
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String pad = " ".repeat(widths[i] - row[i].length());
                boolean right = rightAligned[i] && !header;
                line.append(right ? pad : "").append(row[i]).append(right ? "" : pad);
                if (i < columns - 1) {
                    line.append(rule ? " | " : "  ");
                }
            }
            out.println(line.toString().stripTrailing());
            if (header && rule) {
                StringBuilder dashes = new StringBuilder();
                for (int i = 0; i < columns; i++) {
                    dashes.append("-".repeat(widths[i])).append(i < columns - 1 ? "-+-" : "");
                }
                out.println(dashes);
            }
            header = false;
        }
    }
}
