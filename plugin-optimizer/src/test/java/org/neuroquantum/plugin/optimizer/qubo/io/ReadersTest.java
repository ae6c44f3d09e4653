package org.neuroquantum.plugin.optimizer.qubo.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.neuroquantum.plugin.optimizer.qubo.SharedData;
import org.neuroquantum.plugin.optimizer.qubo.problem.ColoringInstance;
import org.neuroquantum.plugin.optimizer.qubo.problem.Graph;
import org.neuroquantum.plugin.optimizer.qubo.problem.TspInstance;
import org.neuroquantum.plugin.optimizer.qubo.tsp.IteratedLocalSearch;

class ReadersTest {
    private static InstanceFormatException gsetError(String text) {
        return assertThrows(InstanceFormatException.class, () -> GsetReader.read(new StringReader(text), "g.txt", "g"));
    }

    private static InstanceFormatException colError(String text) {
        return assertThrows(InstanceFormatException.class,
                () -> DimacsColReader.read(new StringReader(text), "g.col", "g"));
    }

    private static InstanceFormatException tspError(String text) {
        return assertThrows(InstanceFormatException.class,
                () -> TsplibReader.read(new StringReader(text), "t.tsp", "t"));
    }

    @Test
    void readsSharedGsetGraphs() throws Exception {
        Graph g = GsetReader.read(SharedData.file("gset/G11.txt"));
        assertEquals("G11", g.name());
        assertEquals(800, g.vertexCount());
        assertEquals(1600, g.edgeCount());
        Graph g1 = GsetReader.read(SharedData.file("gset/G1.txt"));
        assertEquals(19176, g1.edgeCount());
        assertEquals(19176, g1.totalWeight());
    }

    @Test
    void badGsetFilesNameTheLine() {
        InstanceFormatException e = gsetError("3 2\n1 2 1\n2 x 1\n");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("g.txt:3: "), e.getMessage());
        assertEquals(2, gsetError("3 2\n1 4 1\n").line());
        assertEquals(2, gsetError("3 2\n1 1 1\n").line());
        assertEquals(2, gsetError("3 2\n1 2\n").line());
        assertTrue(gsetError("3 2\n1 2 1\n").getMessage().contains("announces 2 edges, found 1"));
        assertEquals(3, gsetError("3 1\n1 2 1\n2 3 1\n").line());
        assertEquals(1, gsetError("three 2\n").line());
        assertEquals(0, gsetError("").line());
    }

    @Test
    void readsDimacsWithChromaticNumberAndDropsRepeatedEdges() throws Exception {
        ColoringInstance c = DimacsColReader.read(SharedData.file("coloring/myciel3.col"));
        assertEquals(11, c.graph().vertexCount());
        assertEquals(20, c.graph().edgeCount());
        assertEquals(4, c.knownChromaticNumber().getAsInt());
        ColoringInstance r = DimacsColReader.read(new StringReader("c x\np edge 3 3\ne 1 2\ne 2 1\ne 2 3\n"), "r", "r");
        assertEquals(2, r.graph().edgeCount());
        assertTrue(r.knownChromaticNumber().isEmpty());
    }

    @Test
    void badDimacsFilesNameTheLine() {
        assertEquals(2, colError("c\ne 1 2\np edge 2 1\n").line());
        assertEquals(3, colError("c\np edge 2 1\ne 1 3\n").line());
        assertEquals(2, colError("p edge 2 1\ne 1 1\n").line());
        assertEquals(2, colError("p edge 2 1\nx 1 2\n").line());
        assertEquals(1, colError("p edge 2 1 7\n").line());
        assertEquals(0, colError("c only comments\n").line());
    }

    @Test
    void roundingRulesOfEachCoordinateType() {
        double[] o = {0, 0};
        assertEquals(1, TsplibReader.distance("EUC_2D", o, new double[] {1, 1}));
        assertEquals(2, TsplibReader.distance("EUC_2D", o, new double[] {1.5, 1.0}));
        assertEquals(2, TsplibReader.distance("CEIL_2D", o, new double[] {1, 1}));
        assertEquals(5, TsplibReader.distance("CEIL_2D", o, new double[] {3, 4}));
        // ATT: r = sqrt(1000/10) = 10 exactly stays 10; sqrt(1010/10) = 10.05 rounds to 10 < r, so 11.
        assertEquals(10, TsplibReader.distance("ATT", o, new double[] {30, 10}));
        assertEquals(11, TsplibReader.distance("ATT", o, new double[] {31, 7}));
        assertEquals(7, TsplibReader.distance("MAN_2D", o, new double[] {3, 4}));
        assertEquals(4, TsplibReader.distance("MAX_2D", o, new double[] {3, 4}));
        assertEquals(13, TsplibReader.distance("EUC_3D", new double[] {0, 0, 0}, new double[] {3, 4, 12}));
        // GEO: one degree of latitude along a meridian is 6378.388·π/180 ≈ 111.3 km, truncated after + 1.
        assertEquals(112, TsplibReader.distance("GEO", new double[] {10.0, 20.0}, new double[] {11.0, 20.0}));
        // Minutes: 10.30 is 10°30' = 10.5°, so half a degree away from 10.0.
        assertEquals(56, TsplibReader.distance("GEO", new double[] {10.0, 20.0}, new double[] {10.30, 20.0}));
    }

    /**
     * The search stops at the published optimum; with a wrong distance rule it would either stop below it
     * (a shorter tour exists under the wrong rule) or run out of kicks above it, so both fail the assertion.
     */
    private static long optimumByLocalSearch(TspInstance t, long published) {
        return IteratedLocalSearch.solve(t, new IteratedLocalSearch.Options(1, null, 30_000, published, 1, 1))
                .length();
    }

    @Test
    void eachDistanceTypeReproducesAPublishedOptimum() throws Exception {
        TspInstance att = TsplibReader.read(SharedData.resource("tsplib/att48.tsp"));
        assertEquals(48, att.size());
        assertEquals(10628, optimumByLocalSearch(att, 10628));
        TspInstance geo = TsplibReader.read(SharedData.resource("tsplib/ulysses16.tsp"));
        assertEquals("ulysses16.tsp", geo.name());
        assertEquals(6859, optimumByLocalSearch(geo, 6859));
        TspInstance explicit = TsplibReader.read(SharedData.resource("tsplib/gr17.tsp"));
        assertEquals(633, explicit.distance(0, 1));
        assertEquals(2085, optimumByLocalSearch(explicit, 2085));
        TspInstance euc = TsplibReader.read(SharedData.file("tsplib/eil51.tsp"));
        assertEquals(426, optimumByLocalSearch(euc, 426));
    }

    @Test
    void everyExplicitFormatGivesTheSameMatrix() {
        int n = 6;
        int[][] d = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[i][j] = d[j][i] = 10 * i + j + 1;
            }
        }
        String[] formats = {"FULL_MATRIX", "UPPER_ROW", "LOWER_ROW", "UPPER_DIAG_ROW", "LOWER_DIAG_ROW", "UPPER_COL",
            "LOWER_COL", "UPPER_DIAG_COL", "LOWER_DIAG_COL"};
        for (String f : formats) {
            StringBuilder s = new StringBuilder("NAME: m\nTYPE: TSP\nDIMENSION: " + n
                    + "\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: " + f + "\nEDGE_WEIGHT_SECTION\n");
            int count = 0;
            boolean column = f.endsWith("_COL");
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    boolean take = switch (f) {
                        case "FULL_MATRIX" -> true;
                        case "UPPER_ROW", "LOWER_COL" -> b > a;
                        case "LOWER_ROW", "UPPER_COL" -> b < a;
                        case "UPPER_DIAG_ROW", "LOWER_DIAG_COL" -> b >= a;
                        default -> b <= a;
                    };
                    if (take) {
                        // Column formats list column by column: entry (row b, column a).
                        s.append(column ? d[b][a] : d[a][b]).append(++count % 4 == 0 ? "\n" : " ");
                    }
                }
            }
            s.append("\nEOF\n");
            TspInstance t = TsplibReader.read(new StringReader(s.toString()), f, f);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(d[i][j], t.distance(i, j), f + " at (" + i + "," + j + ")");
                }
            }
        }
    }

    @Test
    void badTsplibFilesNameTheLine() {
        String head = "NAME: x\nTYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n";
        assertEquals(7, tspError(head + "1 0 0\n2 1 y\n3 2 2\n").line());
        assertEquals(8, tspError(head + "1 0 0\n2 1 1\n4 2 2\n").line());
        assertEquals(7, tspError(head + "1 0 0\n1 1 1\n3 2 2\n").line());
        assertTrue(tspError(head + "1 0 0\n2 1 1\n").getMessage().contains("unexpected end of file"));
        assertEquals(2, tspError("NAME: x\nTYPE: ATSP\n").line());
        assertEquals(4, tspError("NAME: x\nTYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: XRAY1\n").line());
        assertEquals(3, tspError("NAME: x\nTYPE: TSP\nBOGUS: 1\n").line());
        String explicit = "NAME: x\nTYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: "
                + "UPPER_ROW\nEDGE_WEIGHT_SECTION\n";
        assertEquals(8, tspError(explicit + "1 2\n3 4\n").line());
        assertEquals(7, tspError(explicit + "1 -2 3\n").line());
        assertEquals(0, tspError("NAME: x\nTYPE: TSP\nDIMENSION: 3\n").line());
        InstanceFormatException asym = tspError("NAME: x\nTYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EXPLICIT\n"
                + "EDGE_WEIGHT_FORMAT: FULL_MATRIX\nEDGE_WEIGHT_SECTION\n0 1 2\n1 0 3\n2 4 0\n");
        assertTrue(asym.getMessage().contains("not symmetric"), asym.getMessage());
    }

    @Test
    void everySharedInstanceIsReadable() throws Exception {
        for (String g : new String[] {"G1", "G2", "G3", "G6", "G11", "G14", "G22", "G43", "G48", "G55"}) {
            assertTrue(GsetReader.read(SharedData.file("gset/" + g + ".txt")).edgeCount() > 0, g);
        }
        for (String c : new String[] {"myciel3", "myciel4", "myciel5", "queen5_5", "queen6_6", "queen8_8", "le450_15a",
            "games120", "miles250"}) {
            assertTrue(DimacsColReader.read(SharedData.file("coloring/" + c + ".col")).knownChromaticNumber()
                    .isPresent(), c);
        }
        for (String t : new String[] {"eil51", "berlin52", "st70", "eil76", "kroA100", "ch150", "a280"}) {
            assertTrue(TsplibReader.read(SharedData.file("tsplib/" + t + ".tsp")).size() > 50, t);
        }
    }
}
