package org.neuroquantum.plugin.optimizer.qubo.solver;

import org.neuroquantum.plugin.optimizer.qubo.FastRandom;
import org.neuroquantum.plugin.optimizer.qubo.IsingModel;
import org.neuroquantum.plugin.optimizer.qubo.QuboModel;

/**
 * {@code sqa}: simulated quantum annealing of the transverse-field Ising model
 * {@code H(t) = H_cl − Γ(t)·Σ_i σ^x_i} by path-integral Monte Carlo.
 *
 * <p>The Suzuki-Trotter decomposition with {@code P} slices maps the quantum system at temperature {@code T}
 * onto {@code P} coupled classical replicas {@code s^1..s^P} (periodic in the Trotter direction) with
 * effective energy {@code H_eff = Σ_p H_cl(s^p) − J⊥·Σ_p Σ_i s_i^p·s_i^{p+1}}, sampled at temperature
 * {@code P·T}, where {@code J⊥ = −(P·T/2)·ln tanh(Γ/(P·T))}. Lowering Γ strengthens J⊥ until the slices agree.
 *
 * <p>Each sweep attempts a local Metropolis update of every spin of every slice, then a global update per
 * spin (flip {@code i} in all slices at once, which leaves the J⊥ term unchanged; Martoňák, Santoro and
 * Tosatti 2002 use the same pair of moves). Γ follows a {@link TransverseFieldSchedule} and is given in units of
 * the model's typical flip cost {@code 2·mean σ} (see {@link BetaRange}); {@code P·T} in units of the
 * neighbourhood energy {@code mean_i(Σ_j J_ij²)/J_rms}, so that the defaults fit any problem scale. At the end the best slice is descended greedily to a local minimum.
 * A sweep counts {@code P·n} spin updates (global moves are not counted).
 */
public final class SimulatedQuantumAnnealing extends RestartingSolver {
    private final int slices;
    private final double sliceTemperature;
    private final TransverseFieldSchedule schedule;

    /**
     * Defaults: P = 8 slices, P·T = 0.15, Γ from 1.5 to 0.01 exponentially. Chosen with 1 s budgets on G6, G11,
     * G22 and three colouring QUBOs: measured in units of the typical flip cost (as Γ is), the best P·T differed
     * by a factor of about nine between dense G6 and sparse G11, while in units of the neighbourhood energy
     * {@code mean_i(Σ_j J_ij²)/J_rms} one value (0.15) served both; 0.08 was too cold for the dense graphs,
     * 0.4 too hot for the sparse ones and the colouring QUBOs. P = 16 halved the sweeps a second allows
     * without a visible gain.
     */
    public SimulatedQuantumAnnealing() {
        this(8, 0.15, TransverseFieldSchedule.exponential(1.5, 0.01));
    }

    /**
     * @param slices Trotter slices P (at least 2)
     * @param sliceTemperature P·T in units of the neighbourhood energy {@code mean_i(Σ_j J_ij²)/J_rms}
     * @param schedule Γ(t) in units of the typical flip cost
     */
    public SimulatedQuantumAnnealing(int slices, double sliceTemperature, TransverseFieldSchedule schedule) {
        if (slices < 2) {
            throw new IllegalArgumentException("SQA needs at least 2 Trotter slices, got " + slices);
        }
        if (!(sliceTemperature > 0)) {
            throw new IllegalArgumentException("P·T must be positive, got " + sliceTemperature);
        }
        this.slices = slices;
        this.sliceTemperature = sliceTemperature;
        this.schedule = schedule;
    }

    @Override
    public String name() {
        return "sqa";
    }

    /** Number of Trotter slices P. */
    public int slices() {
        return slices;
    }

    /** The inter-slice coupling J⊥ = −(P·T/2)·ln tanh(Γ/(P·T)) of the Suzuki-Trotter decomposition. */
    public static double interSliceCoupling(double gamma, double sliceTemperature) {
        if (!(gamma > 0)) {
            throw new IllegalArgumentException("transverse field must be positive, got " + gamma);
        }
        return -(sliceTemperature / 2) * Math.log(Math.tanh(gamma / sliceTemperature));
    }

    private record Prepared(IsingModel ising, double scale, double temperatureScale) {
    }

    @Override
    protected Object prepare(QuboModel model) {
        IsingModel ising = model.toIsing();
        BetaRange range = BetaRange.of(model, 1, 1);
        // P·T is measured in units of mean_i(Σ_j J_ij²)/J_rms ≈ (mean degree)·J_rms: the energy of a typical
        // neighbourhood, not of a typical field (external fields h, large in penalty encodings, are left out). Dense graphs then anneal their slices hotter than sparse ones,
        // as they need to (see the constructor's note).
        double[] j = ising.couplings();
        int[] rowStart = ising.rowStart();
        double sigmaSquares = 0;
        double couplingSquares = 0;
        for (int i = 0; i < ising.size(); i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                sigmaSquares += j[k] * j[k];
                couplingSquares += j[k] * j[k];
            }
        }
        double jRms = j.length > 0 ? Math.sqrt(couplingSquares / j.length) : 0;
        double temperatureScale = jRms > 0 && ising.size() > 0 ? sigmaSquares / ising.size() / jRms
                : range.typicalFlipCost();
        return new Prepared(ising, range.typicalFlipCost(), temperatureScale);
    }

    @Override
    protected Run run(QuboModel model, Object preparedObject, long seed, Pace pace, Control control) {
        Prepared prepared = (Prepared) preparedObject;
        IsingModel ising = prepared.ising();
        FastRandom rng = new FastRandom(seed);
        int n = ising.size();
        int p = slices;
        int[] rowStart = ising.rowStart();
        int[] columns = ising.columns();
        double[] j = ising.couplings();
        double[] h = ising.fields();
        double pt = sliceTemperature * prepared.temperatureScale();
        double invPt = 1.0 / pt;
        byte[] s = new byte[n * p];
        for (int i = 0; i < n; i++) {
            byte v = (byte) ((rng.nextLong() >>> 63) == 0 ? -1 : 1);
            for (int q = 0; q < p; q++) {
                s[q * n + i] = v;
            }
        }
        double[] lf = new double[n * p];
        for (int q = 0; q < p; q++) {
            int base = q * n;
            for (int i = 0; i < n; i++) {
                double f = h[i];
                for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                    f += j[k] * s[base + columns[k]];
                }
                lf[base + i] = f;
            }
        }
        // Classical energy of each slice, kept current so that a target energy can stop the run early.
        double[] sliceEnergy = new double[p];
        byte[] probe = new byte[n];
        for (int q = 0; q < p; q++) {
            System.arraycopy(s, q * n, probe, 0, n);
            sliceEnergy[q] = ising.energy(probe);
        }
        float[] table = Metropolis.table();
        int tableLength = table.length;
        double tableScale = invPt * Metropolis.STEPS_PER_UNIT;
        long updates = 0;
        while (pace.next()) {
            double t = pace.progress();
            double gamma = schedule.gamma(t) * prepared.scale();
            double jPerp = interSliceCoupling(gamma, pt);
            for (int q = 0; q < p; q++) {
                int base = q * n;
                int up = (q + 1 == p ? 0 : q + 1) * n;
                int down = (q == 0 ? p - 1 : q - 1) * n;
                for (int i = 0; i < n; i++) {
                    int at = base + i;
                    double si = s[at];
                    // Flip cost: classical part −2·s·f plus the Trotter bond 2·J⊥·s·(s_up + s_down).
                    double d = -2 * si * lf[at] + 2 * jPerp * si * (s[up + i] + s[down + i]);
                    if (d > 0) {
                        double y = d * tableScale;
                        if (y >= tableLength || rng.nextDouble() >= table[(int) y]) {
                            continue;
                        }
                    }
                    s[at] = (byte) -si;
                    sliceEnergy[q] += -2 * si * lf[at];
                    double change = -2 * si;
                    for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                        lf[base + columns[k]] += change * j[k];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                double d = 0;
                for (int q = 0, at = i; q < p; q++, at += n) {
                    d -= 2 * s[at] * lf[at];
                }
                if (d > 0) {
                    double y = d * tableScale;
                    if (y >= tableLength || rng.nextDouble() >= table[(int) y]) {
                        continue;
                    }
                }
                for (int q = 0, at = i; q < p; q++, at += n) {
                    sliceEnergy[q] += -2 * s[at] * lf[at];
                    double change = -2 * s[at];
                    s[at] = (byte) -s[at];
                    int base = q * n;
                    for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                        lf[base + columns[k]] += change * j[k];
                    }
                }
            }
            updates += (long) n * p;
            double lowest = Double.POSITIVE_INFINITY;
            for (double e : sliceEnergy) {
                lowest = Math.min(lowest, e);
            }
            if (lowest <= control.target()) {
                break;
            }
        }
        // Best slice by classical energy, then greedy descent in QUBO form.
        byte[] best = null;
        double bestEnergy = Double.POSITIVE_INFINITY;
        byte[] slice = new byte[n];
        for (int q = 0; q < p; q++) {
            for (int i = 0; i < n; i++) {
                slice[i] = (byte) (s[q * n + i] > 0 ? 1 : 0);
            }
            double e = model.energy(slice);
            if (e < bestEnergy) {
                bestEnergy = e;
                best = slice.clone();
            }
        }
        double[] field = model.localFields(best);
        bestEnergy += Descent.toLocalMinimum(model, best, field);
        control.reached(bestEnergy);
        return new Run(best, bestEnergy, pace.sweepsDone(), updates, System.nanoTime() - control.startNanos(),
                pace.deadlineHit());
    }
}
