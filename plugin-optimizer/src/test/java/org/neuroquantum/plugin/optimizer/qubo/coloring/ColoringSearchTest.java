package org.neuroquantum.plugin.optimizer.qubo.coloring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.neuroquantum.plugin.optimizer.qubo.SharedData;
import org.neuroquantum.plugin.optimizer.qubo.io.DimacsColReader;
import org.neuroquantum.plugin.optimizer.qubo.problem.ColoringInstance;
import org.neuroquantum.plugin.optimizer.qubo.problem.GraphColoring;

class ColoringSearchTest {
    @Test
    void dsaturIsProper() throws Exception {
        for (String name : new String[] {"myciel5", "queen8_8", "games120"}) {
            ColoringInstance c = DimacsColReader.read(SharedData.file("coloring/" + name + ".col"));
            assertEquals(0, GraphColoring.conflicts(c.graph(), Dsatur.colour(c.graph())), name);
        }
    }

    @Test
    void tabuColReachesTheChromaticNumber() throws Exception {
        for (String name : new String[] {"myciel5", "queen6_6", "queen8_8"}) {
            ColoringInstance c = DimacsColReader.read(SharedData.file("coloring/" + name + ".col"));
            int chi = c.knownChromaticNumber().getAsInt();
            TabuColoring.Result r = TabuColoring.solve(c.graph(),
                    new TabuColoring.Options(1, Duration.ofSeconds(20), 200_000, chi, 2, 2));
            assertEquals(chi, r.colours(), name);
            assertEquals(chi, GraphColoring.coloursUsed(r.colour()), name);
            assertEquals(0, GraphColoring.conflicts(c.graph(), r.colour()), name);
        }
    }

    @Test
    void withoutATargetItStopsWhenAColourCountFails() throws Exception {
        ColoringInstance c = DimacsColReader.read(SharedData.file("coloring/myciel4.col"));
        TabuColoring.Result r = TabuColoring.solve(c.graph(), new TabuColoring.Options(3, null, 20_000, 0, 1, 1));
        assertEquals(5, r.colours());
    }
}
