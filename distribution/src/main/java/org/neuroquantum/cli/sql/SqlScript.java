package org.neuroquantum.cli.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at semicolons that are outside quotes ({@code '…'} with {@code ''} inside,
 * {@code "…"}) and comments ({@code -- …} to the end of the line, {@code /* … *}{@code /}). A piece holding
 * only whitespace and comments is no statement.
 */
public final class SqlScript {
    private SqlScript() {
    }

    /**
     * One statement of a script.
     *
     * @param text the statement without its terminating semicolon, starting at its first non-blank character
     * @param line the 1-based line of the script where {@code text} starts
     */
    public record Statement(String text, int line) {
    }

    /**
     * The result of splitting.
     *
     * @param statements the complete statements, in order
     * @param rest text after the last terminating semicolon that is not only blanks and comments (an unfinished
     *     statement), or the empty string
     * @param restLine the line where {@code rest} starts
     */
    public record Split(List<Statement> statements, String rest, int restLine) {
    }

    /** Splits {@code text}, whose first line is line {@code firstLine}. */
    public static Split split(String text, int firstLine) {
        List<Statement> out = new ArrayList<>();
        int line = firstLine;
        int start = 0;
        int startLine = firstLine;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < n) {
                    char d = text.charAt(j);
                    if (d == '\n') {
                        line++;
                    }
                    if (d == c) {
                        if (j + 1 < n && text.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                i = j + 1;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                int stop = end < 0 ? n : end + 2;
                for (int k = i; k < stop; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                    }
                }
                i = stop;
            } else {
                if (c == '\n') {
                    line++;
                } else if (c == ';') {
                    add(out, text.substring(start, i), startLine);
                    start = i + 1;
                    startLine = line;
                }
                i++;
            }
        }
        String rest = text.substring(start);
        if (isBlank(rest)) {
            return new Split(out, "", line);
        }
        return new Split(out, rest, startLine);
    }

    private static void add(List<Statement> out, String piece, int pieceLine) {
        int k = skipBlank(piece);
        if (k == piece.length()) {
            return;
        }
        int line = pieceLine;
        for (int i = 0; i < k; i++) {
            if (piece.charAt(i) == '\n') {
                line++;
            }
        }
        out.add(new Statement(piece.substring(k).stripTrailing(), line));
    }

    /** Whether {@code text} holds nothing but whitespace and comments. */
    public static boolean isBlank(String text) {
        return skipBlank(text) == text.length();
    }

    /** The index of the first character of {@code text} that is neither whitespace nor in a comment. */
    private static int skipBlank(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                return i;
            }
        }
        return n;
    }
}
