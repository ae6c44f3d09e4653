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
    void aTimeLimitedRunReportsItsSweepsAndAValidAnswer(QuboSolver solver) {
        QuboModel model = SpinGlasses.random(200, 0.05, 5);
        Solution s = solver.solve(model, SolverOptions.timeLimit(1, java.time.Duration.ofMillis(200)));
        assertTrue(s.sweepsPerRestart() > 0, "sweeps " + s.sweepsPerRestart());
        assertEquals(SolverOptions.defaultThreads(), s.restarts());
        assertEquals(model.energy(s.assignment()), s.energy(), 1e-9);
        assertTrue(s.spinUpdates() >= s.sweepsPerRestart() * model.size());
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void stopsAtATargetEnergy(QuboSolver solver) {
        QuboModel model = SpinGlasses.random(16, 0.5, 11);
        double exact = SpinGlasses.exhaustiveMinimum(model);
        Solution s = solver.solve(model, SolverOptions.sweeps(3, 200_000).withTarget(exact).withThreads(1)
                .withRestarts(1));
        assertEquals(exact, s.energy(), 1e-9);
        assertTrue(s.sweepsPerRestart() < 200_000);
    }

    @org.junit.jupiter.api.Test
    void interSliceCouplingFollowsSuzukiTrotterAndSchedulesInterpolate() {
        // J⊥ = −(PT/2)·ln tanh(Γ/(PT)); at Γ = PT = 1: −½·ln tanh 1 = 0.1361...
        assertEquals(-0.5 * Math.log(Math.tanh(1.0)), SimulatedQuantumAnnealing.interSliceCoupling(1, 1), 1e-15);
        assertEquals(0.136171, SimulatedQuantumAnnealing.interSliceCoupling(1, 1), 1e-6);
        assertTrue(SimulatedQuantumAnnealing.interSliceCoupling(0.01, 1)
                > SimulatedQuantumAnnealing.interSliceCoupling(0.1, 1));
        assertEquals(1.5, TransverseFieldSchedule.linear(2, 1).gamma(0.5), 1e-12);
        assertEquals(2.0, TransverseFieldSchedule.exponential(4, 1).gamma(0.5), 1e-12);
        assertEquals(0.25, TransverseFieldSchedule.custom(t -> 1 - t * t).gamma(Math.sqrt(0.75)), 1e-12);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TransverseFieldSchedule.linear(1, 0));
    }

    @org.junit.jupiter.api.Test
    void sqaWithCustomScheduleStillFindsGroundStates() {
        QuboModel model = SpinGlasses.random(12, 0.6, 21);
        SimulatedQuantumAnnealing sqa = new SimulatedQuantumAnnealing(8, 0.2,
                TransverseFieldSchedule.custom(t -> 2.0 * (1 - t) + 0.01));
        assertEquals(SpinGlasses.exhaustiveMinimum(model), sqa.solve(model, SolverOptions.sweeps(5, 300)).energy(),
                1e-9);
    }
}
