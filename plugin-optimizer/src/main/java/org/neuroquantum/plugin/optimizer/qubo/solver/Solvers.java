package org.neuroquantum.plugin.optimizer.qubo.solver;

import java.util.List;
import java.util.Locale;

/** The solvers by name. */
public final class Solvers {
    private Solvers() {
    }

    /** Every solver with its default settings: {@code sa}, {@code sqa}, {@code pt}. */
    public static List<QuboSolver> all() {
        return List.of(new SimulatedAnnealing(), new SimulatedQuantumAnnealing(), new ParallelTempering());
    }

    /** The solver called {@code name} (case-insensitive), with default settings. */
    public static QuboSolver byName(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (QuboSolver s : all()) {
            if (s.name().equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown solver '" + name + "': choose sa, sqa or pt");
    }
}
