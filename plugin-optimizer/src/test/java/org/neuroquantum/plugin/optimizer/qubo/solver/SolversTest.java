package org.neuroquantum.plugin.optimizer.qubo.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuroquantum.plugin.optimizer.qubo.QuboModel;
import org.neuroquantum.plugin.optimizer.qubo.SpinGlasses;

class SolversTest {
    static Stream<QuboSolver> solvers() {
        return Solvers.all().stream();
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void findsTheExactGroundStateOfSmallSpinGlasses(QuboSolver solver) {
        for (long instance = 1; instance <= 4; instance++) {
            QuboModel model = SpinGlasses.random(14, 0.5, instance);
            double exact = SpinGlasses.exhaustiveMinimum(model);
            Solution s = solver.solve(model, SolverOptions.sweeps(42, 400).withThreads(2).withRestarts(2));
            assertEquals(exact, s.energy(), 1e-9, solver.name() + " on spin glass " + instance);
            assertEquals(model.energy(s.assignment()), s.energy(), 1e-9);
        }
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void sameSeedAndSweepsGiveTheSameAnswerWhateverTheThreadCount(QuboSolver solver) {
        QuboModel model = SpinGlasses.random(60, 0.2, 9);
        Solution a = solver.solve(model, SolverOptions.sweeps(7, 30).withRestarts(3).withThreads(1));
        Solution b = solver.solve(model, SolverOptions.sweeps(7, 30).withRestarts(3).withThreads(2));
        assertArrayEquals(a.assignment(), b.assignment());
        assertEquals(a.energy(), b.energy());
        assertEquals(a.spinUpdates(), b.spinUpdates());
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void aTimeLimitIsTurnedIntoASweepBudgetAndRespected(QuboSolver solver) {
        QuboModel model = SpinGlasses.random(200, 0.05, 5);
        Solution s = solver.solve(model, SolverOptions.timeLimit(1, java.time.Duration.ofMillis(300)));
        assertTrue(s.sweepsPerRestart() >= 8, "budget " + s.sweepsPerRestart());
        assertTrue(s.spinUpdates() > 0);
        // Reproducible with the reported budget.
        Solution again = solver.solve(model, SolverOptions.sweeps(1, s.sweepsPerRestart()));
        if (!s.deadlineHit()) {
            assertEquals(s.energy(), again.energy());
        }
    }
}
