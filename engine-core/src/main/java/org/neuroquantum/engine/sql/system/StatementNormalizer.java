package org.neuroquantum.engine.sql.system;

/**
 * Turns SQL text into the key of {@code nq_stat_statements}: string and number literals become {@code ?},
 * comments go, runs of whitespace become one space, a trailing semicolon goes. Token-level, so it needs no
 * successful parse: statements that fail to parse normalize too.
 */
public final class StatementNormalizer {
    private StatementNormalizer() {
    }

    /** The normalized form of {@code sql}. */
    public static String normalize(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int n = sql.length();
        int i = 0;
        boolean space = false;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                i++;
                continue;
            }
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                space = true;
                continue;
            }
            if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            if (c == '\'') {
                i = skipQuoted(sql, i, '\'');
                out.append('?');
            } else if (c == '"') {
                int end = skipQuoted(sql, i, '"');
                out.append(sql, i, end);
                i = end;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                if (out.length() > 0 && isIdentifierPart(out.charAt(out.length() - 1))) {
                    // Part of a name such as t1 or col_2.
                    out.append(c);
                    i++;
                    continue;
                }
                i = skipNumber(sql, i);
                out.append('?');
            } else {
                out.append(c);
                i++;
            }
        }
        int len = out.length();
        while (len > 0 && (out.charAt(len - 1) == ';' || out.charAt(len - 1) == ' ')) {
            len--;
        }
        return out.substring(0, len);
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int skipNumber(String sql, int start) {
        int i = start;
        int n = sql.length();
        while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
            i++;
        }
        if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) {
                j++;
            }
            if (j < n && Character.isDigit(sql.charAt(j))) {
                i = j;
                while (i < n && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }
}
