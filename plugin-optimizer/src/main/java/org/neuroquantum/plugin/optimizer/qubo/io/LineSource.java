package org.neuroquantum.plugin.optimizer.qubo.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Line-by-line reading with the current line number, for error messages. */
final class LineSource {
    private final BufferedReader reader;
    private final String file;
    private int line;

    LineSource(BufferedReader reader, String file) {
        this.reader = reader;
        this.file = file;
    }

    /** The next line, or null at the end. */
    String next() {
        try {
            String s = reader.readLine();
            if (s != null) {
                line++;
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ":" + (line + 1) + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The next line that is not blank, or null at the end. */
    String nextNonBlank() {
        String s;
        do {
            s = next();
        } while (s != null && s.isBlank());
        return s;
    }

    int line() {
        return line;
    }

    String file() {
        return file;
    }

    InstanceFormatException error(String problem) {
        return new InstanceFormatException(file, line, problem);
    }

    InstanceFormatException errorAtEnd(String problem) {
        return new InstanceFormatException(file, line, "unexpected end of file: " + problem);
    }

    /** Splits a line into whitespace-separated fields. */
    static String[] fields(String s) {
        String t = s.trim();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    int parseInt(String token, String what) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw error(what + " is not an integer: '" + token + "'");
        }
    }

    double parseDouble(String token, String what) {
        try {
            double v = Double.parseDouble(token);
            if (!Double.isFinite(v)) {
                throw error(what + " is not finite: '" + token + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw error(what + " is not a number: '" + token + "'");
        }
    }
}
