package org.neuroquantum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code neuroquantum qubo solve} in-process, on the shared benchmark data and on broken files. */
class QuboCommandTest {
    private static final Path DATA = Paths.get(System.getProperty("nq.root", "..")).resolve("../shared/data")
            .normalize();

    @TempDir
    Path work;

    record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void maxCutAsJsonReportsTheRatioToTheBestKnownCut() throws Exception {
        Result r = run("qubo", "solve", "--problem", "maxcut", "--instance", DATA.resolve("gset/G11.txt").toString(),
                "--time-limit", "300ms", "--seed", "3", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("G11", root.get("instance").asText());
        assertEquals(564.0, root.get("reference").asDouble());
        JsonNode result = root.get("results").get(0);
        assertEquals("qubo/sa", result.get("method").asText());
        assertTrue(result.get("feasible").asBoolean());
        double cut = result.get("value").asDouble();
        assertTrue(cut > 500 && cut <= 564, r.out());
        assertEquals(cut / 564, result.get("ratio").asDouble(), 1e-9);
    }

    @Test
    void aSweepBudgetMakesTheQuboResultReproducible() throws Exception {
        String[] args = {"qubo", "solve", "--problem", "maxcut", "--instance", DATA.resolve("gset/G14.txt").toString(),
            "--solver", "pt", "--sweeps", "40", "--seed", "9", "--format", "json"};
        JsonNode a = new ObjectMapper().readTree(run(args).out()).get("results").get(0);
        JsonNode b = new ObjectMapper().readTree(run(args).out()).get("results").get(0);
        assertEquals(a.get("value").asDouble(), b.get("value").asDouble());
        assertTrue(a.get("note").asText().contains("x 40 sweeps"), a.toString());
    }

    @Test
    void tspTableShowsQuboPolishAndNativeRows() {
        Result r = run("qubo", "solve", "--problem", "tsp", "--instance", DATA.resolve("tsplib/eil51.tsp").toString(),
                "--solver", "pt", "--time-limit", "600ms");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("optimal tour length: 426"), r.out());
        assertTrue(r.out().contains("qubo/pt "), r.out());
        assertTrue(r.out().contains("qubo/pt + 2-opt/Or-opt"), r.out());
        assertTrue(r.out().contains("native ILS from the QUBO tour"), r.out());
    }

    @Test
    void coloringWithAnUnknownChromaticNumberStillRuns() throws Exception {
        Path file = work.resolve("c5.col");
        Files.writeString(file, "c a 5-cycle\np edge 5 5\ne 1 2\ne 2 3\ne 3 4\ne 4 5\ne 5 1\n");
        Result r = run("qubo", "solve", "--problem", "coloring", "--instance", file.toString(), "--solver", "sqa",
                "--time-limit", "200ms");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("chromatic number: unknown"), r.out());
        assertTrue(r.out().matches("(?s).*native dsatur\\+tabucol\\s+3\\s+colours.*"), r.out());
    }

    @Test
    void aBrokenFileIsNamedWithItsLine() throws Exception {
        Path file = work.resolve("bad.txt");
        Files.writeString(file, "3 2\n1 2 1\n2 9 1\n");
        Result r = run("qubo", "solve", "--problem", "maxcut", "--instance", file.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains(file + ":3: vertex outside 1..3"), r.err());
    }

    @Test
    void badUsageIsExitStatusTwo() {
        assertEquals(2, run("qubo", "solve", "--problem", "knapsack", "--instance", "x").status());
        assertEquals(2, run("qubo", "solve", "--problem", "tsp", "--instance", "x", "--solver", "qaoa").status());
        Result r = run("qubo", "solve", "--problem", "tsp", "--instance", "x", "--time-limit", "soon");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("not a duration"), r.err());
        assertEquals(1, run("qubo", "solve", "--problem", "tsp", "--instance", work.resolve("none.tsp").toString())
                .status());
    }
}
