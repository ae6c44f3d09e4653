package org.neuroquantum.plugin.optimizer.qubo.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neuroquantum.plugin.optimizer.qubo.problem.Graph;

/**
 * Reads a Gset graph (the rudy generator's output used by Helmberg and Rendl): a first line {@code n m}, then
 * {@code m} lines {@code i j w} with 1-based vertices and (integer or real) weights. Blank lines are ignored;
 * anything else that does not fit fails with the line number.
 */
public final class GsetReader {
    private GsetReader() {
    }

    /** Reads a file; the graph is named after the file without extension. */
    public static Graph read(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            return read(r, file.toString(), Names.baseName(file));
        }
    }

    /** Reads from a stream; {@code file} names it in errors. */
    public static Graph read(Reader reader, String file, String name) {
        LineSource in = new LineSource(new BufferedReader(reader), file);
        String header = in.nextNonBlank();
        if (header == null) {
            throw new InstanceFormatException(file, 0, "empty file: expected a first line 'vertices edges'");
        }
        String[] h = LineSource.fields(header);
        if (h.length != 2) {
            throw in.error("expected 'vertices edges', got '" + header.trim() + "'");
        }
        int n = in.parseInt(h[0], "vertex count");
        int m = in.parseInt(h[1], "edge count");
        if (n < 1 || m < 0) {
            throw in.error("vertex count must be positive and edge count non-negative");
        }
        int[] from = new int[m];
        int[] to = new int[m];
        double[] w = new double[m];
        for (int e = 0; e < m; e++) {
            String line = in.nextNonBlank();
            if (line == null) {
                throw in.errorAtEnd("the header announces " + m + " edges, found " + e);
            }
            String[] f = LineSource.fields(line);
            if (f.length != 3) {
                throw in.error("expected 'i j weight', got '" + line.trim() + "'");
            }
            int i = in.parseInt(f[0], "vertex");
            int j = in.parseInt(f[1], "vertex");
            if (i < 1 || i > n || j < 1 || j > n) {
                throw in.error("vertex outside 1.." + n + ": '" + line.trim() + "'");
            }
            if (i == j) {
                throw in.error("self-loop on vertex " + i);
            }
            from[e] = i - 1;
            to[e] = j - 1;
            w[e] = in.parseDouble(f[2], "weight");
        }
        String extra = in.nextNonBlank();
        if (extra != null) {
            throw in.error("more edges than the " + m + " the header announces");
        }
        return new Graph(name, n, from, to, w);
    }
}
