package org.neuroquantum.plugin.optimizer.qubo.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.neuroquantum.plugin.optimizer.qubo.problem.TspInstance;

/**
 * Reads a symmetric TSPLIB instance ({@code TYPE: TSP}) and computes its integer distance matrix with TSPLIB's
 * rounding rules (Reinelt, "TSPLIB 95", section 2, and the TSPLIB FAQ):
 *
 * <ul>
 *   <li>{@code EUC_2D}, {@code EUC_3D}: {@code nint(sqrt(dx² + dy² [+ dz²]))}, {@code nint(x) = (int)(x + 0.5)};</li>
 *   <li>{@code MAN_2D}: {@code nint(|dx| + |dy|)}; {@code MAX_2D}: {@code max(nint|dx|, nint|dy|)};</li>
 *   <li>{@code CEIL_2D}: {@code ceil(sqrt(dx² + dy²))};</li>
 *   <li>{@code ATT} (pseudo-Euclidean): {@code r = sqrt((dx² + dy²)/10)}, {@code t = nint(r)}, then
 *       {@code t + 1} if {@code t < r} else {@code t};</li>
 *   <li>{@code GEO}: coordinates are {@code DDD.MM} (degrees, minutes); latitude and longitude in radians are
 *       {@code π·(deg + 5·min/3)/180} with {@code π = 3.141592} and {@code deg} the coordinate truncated
 *       toward zero (the FAQ's correction of the original {@code nint}); the distance is
 *       {@code (int)(6378.388·acos(½((1+q1)·q2 − (1−q1)·q3)) + 1)} with {@code q1 = cos(lon_i − lon_j)},
 *       {@code q2 = cos(lat_i − lat_j)}, {@code q3 = cos(lat_i + lat_j)};</li>
 *   <li>{@code EXPLICIT} with {@code EDGE_WEIGHT_FORMAT} {@code FULL_MATRIX}, {@code UPPER_ROW},
 *       {@code LOWER_ROW}, {@code UPPER_DIAG_ROW}, {@code LOWER_DIAG_ROW}, {@code UPPER_COL}, {@code LOWER_COL},
 *       {@code UPPER_DIAG_COL} or {@code LOWER_DIAG_COL}; numbers may wrap across lines freely.</li>
 * </ul>
 *
 * {@code DISPLAY_DATA_SECTION} and {@code FIXED_EDGES_SECTION} are read and ignored. Every malformed line fails
 * with its number.
 */
public final class TsplibReader {
    private static final double GEO_PI = 3.141592;
    private static final double EARTH_RADIUS = 6378.388;

    private TsplibReader() {
    }

    /** Reads a file. */
    public static TspInstance read(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return read(r, file.toString(), Names.baseName(file));
        }
    }

    /** Reads from a stream; {@code file} names it in errors, {@code fallbackName} is used without a NAME line. */
    public static TspInstance read(Reader reader, String file, String fallbackName) {
        LineSource in = new LineSource(new BufferedReader(reader), file);
        String name = fallbackName;
        int n = -1;
        String weightType = null;
        String weightFormat = null;
        double[][] coords = null;
        int[] explicit = null;
        String line;
        while ((line = in.next()) != null) {
            String t = line.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (t.equals("EOF")) {
                break;
            }
            String key;
            String value;
            int colon = t.indexOf(':');
            if (colon >= 0) {
                key = t.substring(0, colon).trim().toUpperCase(Locale.ROOT);
                value = t.substring(colon + 1).trim();
            } else {
                key = t.toUpperCase(Locale.ROOT);
                value = "";
            }
            switch (key) {
                case "NAME" -> name = value.isEmpty() ? name : value;
                case "COMMENT", "NODE_COORD_TYPE", "DISPLAY_DATA_TYPE", "CAPACITY" -> {
                    // Informational here.
                }
                case "TYPE" -> {
                    String type = value.toUpperCase(Locale.ROOT);
                    if (!(type.equals("TSP") || type.startsWith("TSP "))) {
                        throw in.error("TYPE " + value + " is not supported: only symmetric TSP instances");
                    }
                }
                case "DIMENSION" -> {
                    n = in.parseInt(value, "DIMENSION");
                    if (n < 3) {
                        throw in.error("DIMENSION must be at least 3, got " + n);
                    }
                }
                case "EDGE_WEIGHT_TYPE" -> {
                    weightType = value.toUpperCase(Locale.ROOT);
                    switch (weightType) {
                        case "EUC_2D", "EUC_3D", "MAN_2D", "MAX_2D", "CEIL_2D", "ATT", "GEO", "EXPLICIT" -> {
                        }
                        default -> throw in.error("EDGE_WEIGHT_TYPE " + value + " is not supported (EUC_2D, "
                                + "EUC_3D, MAN_2D, MAX_2D, CEIL_2D, ATT, GEO, EXPLICIT)");
                    }
                }
                case "EDGE_WEIGHT_FORMAT" -> weightFormat = value.toUpperCase(Locale.ROOT);
                case "NODE_COORD_SECTION" -> {
                    requireDimension(in, n, key);
                    if (weightType == null) {
                        throw in.error("NODE_COORD_SECTION before EDGE_WEIGHT_TYPE");
                    }
                    coords = readCoordinates(in, n, weightType.equals("EUC_3D") ? 3 : 2);
                }
                case "EDGE_WEIGHT_SECTION" -> {
                    requireDimension(in, n, key);
                    if (!"EXPLICIT".equals(weightType)) {
                        throw in.error("EDGE_WEIGHT_SECTION needs EDGE_WEIGHT_TYPE: EXPLICIT before it");
                    }
                    if (weightFormat == null) {
                        throw in.error("EDGE_WEIGHT_SECTION needs an EDGE_WEIGHT_FORMAT before it");
                    }
                    explicit = readExplicit(in, n, weightFormat);
                }
                case "DISPLAY_DATA_SECTION" -> {
                    requireDimension(in, n, key);
                    readCoordinates(in, n, 2);
                }
                case "FIXED_EDGES_SECTION" -> skipUntilMinusOne(in);
                default -> throw in.error("unknown keyword '" + key + "'");
            }
        }
        if (n < 0) {
            throw new InstanceFormatException(file, 0, "no DIMENSION line");
        }
        if (weightType == null) {
            throw new InstanceFormatException(file, 0, "no EDGE_WEIGHT_TYPE line");
        }
        int[] matrix;
        if (weightType.equals("EXPLICIT")) {
            if (explicit == null) {
                throw new InstanceFormatException(file, 0, "EXPLICIT instance without EDGE_WEIGHT_SECTION");
            }
            matrix = explicit;
        } else {
            if (coords == null) {
                throw new InstanceFormatException(file, 0, weightType + " instance without NODE_COORD_SECTION");
            }
            matrix = distances(coords, n, weightType);
        }
        try {
            return new TspInstance(name, n, matrix);
        } catch (IllegalArgumentException e) {
            throw new InstanceFormatException(file, 0, e.getMessage());
        }
    }

    private static void requireDimension(LineSource in, int n, String section) {
        if (n < 0) {
            throw in.error(section + " before DIMENSION");
        }
    }

    private static double[][] readCoordinates(LineSource in, int n, int dims) {
        double[][] c = new double[n][];
        for (int k = 0; k < n; k++) {
            String line = in.nextNonBlank();
            if (line == null) {
                throw in.errorAtEnd("coordinates for " + n + " nodes announced, found " + k);
            }
            String[] f = LineSource.fields(line);
            if (f.length != dims + 1) {
                throw in.error("expected 'node" + (dims == 3 ? " x y z" : " x y") + "', got '" + line.trim() + "'");
            }
            int node = in.parseInt(f[0], "node number");
            if (node < 1 || node > n) {
                throw in.error("node number " + node + " outside 1.." + n);
            }
            if (c[node - 1] != null) {
                throw in.error("node " + node + " listed twice");
            }
            double[] p = new double[dims];
            for (int d = 0; d < dims; d++) {
                p[d] = in.parseDouble(f[d + 1], "coordinate");
            }
            c[node - 1] = p;
        }
        return c;
    }

    private static int[] readExplicit(LineSource in, int n, String format) {
        long count = switch (format) {
            case "FULL_MATRIX" -> (long) n * n;
            case "UPPER_ROW", "LOWER_ROW", "UPPER_COL", "LOWER_COL" -> (long) n * (n - 1) / 2;
            case "UPPER_DIAG_ROW", "LOWER_DIAG_ROW", "UPPER_DIAG_COL", "LOWER_DIAG_COL" -> (long) n * (n + 1) / 2;
            default -> throw in.error("EDGE_WEIGHT_FORMAT " + format + " is not supported");
        };
        int[] values = new int[(int) count];
        int read = 0;
        while (read < count) {
            String line = in.nextNonBlank();
            if (line == null) {
                throw in.errorAtEnd(format + " of dimension " + n + " needs " + count + " weights, found " + read);
            }
            for (String token : LineSource.fields(line)) {
                if (read == count) {
                    throw in.error("more weights than the " + count + " a " + format + " of dimension " + n
                            + " holds");
                }
                double v = in.parseDouble(token, "edge weight");
                if (v != Math.rint(v) || v < 0) {
                    throw in.error("edge weight must be a non-negative integer, got '" + token + "'");
                }
                values[read++] = (int) v;
            }
        }
        int[] m = new int[n * n];
        int k = 0;
        // Row-wise formats enumerate (i, j) row by row; the column-wise ones are their transposes, so the same
        // loops fill the transposed triangle, which is equivalent for a symmetric matrix.
        switch (format) {
            case "FULL_MATRIX" -> {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        m[i * n + j] = values[k++];
                    }
                }
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        if (m[i * n + j] != m[j * n + i]) {
                            throw in.error("FULL_MATRIX is not symmetric at (" + (i + 1) + "," + (j + 1) + "): "
                                    + m[i * n + j] + " vs " + m[j * n + i]);
                        }
                    }
                }
                return m;
            }
            case "UPPER_ROW", "LOWER_COL" -> {
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        set(m, n, i, j, values[k++]);
                    }
                }
            }
            case "LOWER_ROW", "UPPER_COL" -> {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < i; j++) {
                        set(m, n, i, j, values[k++]);
                    }
                }
            }
            case "UPPER_DIAG_ROW", "LOWER_DIAG_COL" -> {
                for (int i = 0; i < n; i++) {
                    for (int j = i; j < n; j++) {
                        set(m, n, i, j, values[k++]);
                    }
                }
            }
            default -> {
                // LOWER_DIAG_ROW, UPPER_DIAG_COL
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        set(m, n, i, j, values[k++]);
                    }
                }
            }
        }
        return m;
    }

    private static void set(int[] m, int n, int i, int j, int v) {
        m[i * n + j] = v;
        m[j * n + i] = v;
    }

    private static void skipUntilMinusOne(LineSource in) {
        String line;
        while ((line = in.next()) != null) {
            if (line.trim().equals("-1")) {
                return;
            }
        }
        throw in.errorAtEnd("FIXED_EDGES_SECTION not terminated by -1");
    }

    private static int nint(double x) {
        return (int) (x + 0.5);
    }

    /** The TSPLIB distance between two nodes for a coordinate-based edge-weight type. */
    static int distance(String type, double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        return switch (type) {
            case "EUC_2D" -> nint(Math.sqrt(dx * dx + dy * dy));
            case "EUC_3D" -> {
                double dz = a[2] - b[2];
                yield nint(Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
            case "MAN_2D" -> nint(Math.abs(dx) + Math.abs(dy));
            case "MAX_2D" -> Math.max(nint(Math.abs(dx)), nint(Math.abs(dy)));
            case "CEIL_2D" -> (int) Math.ceil(Math.sqrt(dx * dx + dy * dy));
            case "ATT" -> {
                double r = Math.sqrt((dx * dx + dy * dy) / 10.0);
                int t = nint(r);
                yield t < r ? t + 1 : t;
            }
            case "GEO" -> {
                double latA = geoRadians(a[0]);
                double lonA = geoRadians(a[1]);
                double latB = geoRadians(b[0]);
                double lonB = geoRadians(b[1]);
                double q1 = Math.cos(lonA - lonB);
                double q2 = Math.cos(latA - latB);
                double q3 = Math.cos(latA + latB);
                yield (int) (EARTH_RADIUS * Math.acos(0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3)) + 1.0);
            }
            default -> throw new IllegalArgumentException("not a coordinate type: " + type);
        };
    }

    private static double geoRadians(double x) {
        int deg = (int) x;
        double min = x - deg;
        return GEO_PI * (deg + 5.0 * min / 3.0) / 180.0;
    }

    private static int[] distances(double[][] c, int n, String type) {
        int[] m = new int[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int d = distance(type, c[i], c[j]);
                m[i * n + j] = d;
                m[j * n + i] = d;
            }
        }
        return m;
    }
}
