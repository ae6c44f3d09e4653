package org.neuroquantum.plugin.optimizer.qubo.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import org.neuroquantum.plugin.optimizer.qubo.problem.ColoringInstance;
import org.neuroquantum.plugin.optimizer.qubo.problem.Graph;

/**
 * Reads a DIMACS graph in ASCII {@code .col} form: {@code c} comment lines, one problem line
 * {@code p edge n m} (also {@code p col n m}) with an optional fifth field giving the known chromatic number,
 * then {@code e u v} lines with 1-based vertices. Edges listed twice (in either direction) are kept once, as
 * several published instances repeat edges; self-loops fail. {@code n} node-weight lines ({@code n v w}) are
 * ignored. The edge count on the {@code p} line is not enforced because of those repeats.
 */
public final class DimacsColReader {
    private DimacsColReader() {
    }

    /** Reads a file; the graph is named after the file without extension. */
    public static ColoringInstance read(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return read(r, file.toString(), Names.baseName(file));
        }
    }

    /** Reads from a stream; {@code file} names it in errors. */
    public static ColoringInstance read(Reader reader, String file, String name) {
        LineSource in = new LineSource(new BufferedReader(reader), file);
        int n = -1;
        OptionalInt chi = OptionalInt.empty();
        int[] from = new int[64];
        int[] to = new int[64];
        int m = 0;
        Set<Long> seen = new HashSet<>();
        String line;
        while ((line = in.next()) != null) {
            String[] f = LineSource.fields(line);
            if (f.length == 0 || f[0].equals("c")) {
                continue;
            }
            switch (f[0]) {
                case "p" -> {
                    if (n >= 0) {
                        throw in.error("second problem line");
                    }
                    if (f.length < 4 || f.length > 5 || !(f[1].equals("edge") || f[1].equals("col"))) {
                        throw in.error("expected 'p edge vertices edges [chromatic]', got '" + line.trim() + "'");
                    }
                    n = in.parseInt(f[2], "vertex count");
                    int declared = in.parseInt(f[3], "edge count");
                    if (n < 1 || declared < 0) {
                        throw in.error("vertex count must be positive and edge count non-negative");
                    }
                    if (f.length == 5) {
                        int k = in.parseInt(f[4], "chromatic number");
                        if (k < 1 || k > n) {
                            throw in.error("chromatic number " + k + " outside 1.." + n);
                        }
                        chi = OptionalInt.of(k);
                    }
                }
                case "e" -> {
                    if (n < 0) {
                        throw in.error("edge before the 'p edge' problem line");
                    }
                    if (f.length != 3) {
                        throw in.error("expected 'e u v', got '" + line.trim() + "'");
                    }
                    int u = in.parseInt(f[1], "vertex");
                    int v = in.parseInt(f[2], "vertex");
                    if (u < 1 || u > n || v < 1 || v > n) {
                        throw in.error("vertex outside 1.." + n + ": '" + line.trim() + "'");
                    }
                    if (u == v) {
                        throw in.error("self-loop on vertex " + u + ": no colouring exists");
                    }
                    int a = Math.min(u, v) - 1;
                    int b = Math.max(u, v) - 1;
                    if (seen.add(((long) a << 32) | b)) {
                        if (m == from.length) {
                            from = java.util.Arrays.copyOf(from, m * 2);
                            to = java.util.Arrays.copyOf(to, m * 2);
                        }
                        from[m] = a;
                        to[m] = b;
                        m++;
                    }
                }
                case "n" -> {
                    // Node weights (weighted colouring variants) do not affect plain colouring.
                }
                default -> throw in.error("unknown line type '" + f[0] + "' (expected c, p, e or n)");
            }
        }
        if (n < 0) {
            throw new InstanceFormatException(file, 0, "no 'p edge vertices edges' problem line");
        }
        return new ColoringInstance(Graph.unweighted(name, n, java.util.Arrays.copyOf(from, m),
                java.util.Arrays.copyOf(to, m)), chi);
    }
}
