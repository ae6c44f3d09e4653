package org.neuroquantum.plugin.optimizer.join;

import org.neuroquantum.spi.optimizer.JoinPlan;

/**
 * DPccp (Moerkotte and Neumann, "Analysis of two existing and one new dynamic programming algorithm for the
 * generation of optimal bushy join trees without cross products", VLDB 2006) for one connected component: the
 * optimal bushy plan without cross products, found by enumerating exactly the pairs (S1, S2) of disjoint,
 * connected, mutually adjacent relation sets (csg-cmp-pairs), each once, in an order in which the best plans
 * of S1 and S2 are final before the pair is used.
 *
 * <p>Relations of the component are renumbered 0..k-1; the enumeration follows the paper: connected subgraphs
 * grow from their smallest relation through neighbours of higher number only, complements from relations
 * numbered above the subgraph's smallest one and outside it.
 */
final class Dpccp {
    /** Thrown (preallocated, without a stack trace) to unwind the enumeration when the deadline passes. */
    private static final class DeadlinePassed extends RuntimeException {
        DeadlinePassed() {
            super(null, null, false, false);
        }
    }

    private static final DeadlinePassed DEADLINE_PASSED = new DeadlinePassed();

    private final PlanningProblem problem;
    private final LocalComponent local;
    private final Deadline deadline;
    private final int k;
    private final SetMemo memo;
    private long pairs;

    Dpccp(PlanningProblem problem, long component, Deadline deadline) {
        this.problem = problem;
        this.deadline = deadline;
        local = new LocalComponent(problem, component);
        k = local.k;
        memo = new SetMemo(k);
        for (int a = 0; a < k; a++) {
            int slot = memo.slot(1L << a, local.rows(a));
            memo.cost[slot] = problem.scan(local.global(a)).cost();
        }
    }

    /** The number of csg-cmp-pairs priced so far. */
    long pairs() {
        return pairs;
    }

    /** The optimal plan, or {@code null} when the deadline passed first. */
    JoinPlan run() {
        try {
            for (int i = k - 1; i >= 0; i--) {
                long v = 1L << i;
                emitCsg(v);
                enumerateCsgRec(v, lowerOrEqual(i));
            }
        } catch (DeadlinePassed e) {
            return null;
        }
        return plan((1L << k) - 1);
    }

    /** Bit mask of relations 0..i. */
    private static long lowerOrEqual(int i) {
        return i == 63 ? -1L : (1L << (i + 1)) - 1;
    }

    private long neighbourhood(long set) {
        long n = 0;
        for (long rest = set; rest != 0; rest &= rest - 1) {
            n |= local.neighbours(Long.numberOfTrailingZeros(rest));
        }
        return n & ~set;
    }

    private void enumerateCsgRec(long s, long excluded) {
        long n = neighbourhood(s) & ~excluded;
        if (n == 0) {
            return;
        }
        for (long sub = n & -n; sub != 0; sub = (sub - n) & n) {
            emitCsg(s | sub);
        }
        for (long sub = n & -n; sub != 0; sub = (sub - n) & n) {
            enumerateCsgRec(s | sub, excluded | n);
        }
    }

    private void emitCsg(long s1) {
        long excluded = lowerOrEqual(Long.numberOfTrailingZeros(s1)) | s1;
        long n = neighbourhood(s1) & ~excluded;
        for (long rest = n; rest != 0; ) {
            int i = 63 - Long.numberOfLeadingZeros(rest);
            long v = 1L << i;
            rest &= ~v;
            emitPair(s1, v);
            enumerateCmpRec(s1, v, excluded | (lowerOrEqual(i) & n));
        }
    }

    private void enumerateCmpRec(long s1, long s2, long excluded) {
        long n = neighbourhood(s2) & ~excluded;
        if (n == 0) {
            return;
        }
        for (long sub = n & -n; sub != 0; sub = (sub - n) & n) {
            emitPair(s1, s2 | sub);
        }
        for (long sub = n & -n; sub != 0; sub = (sub - n) & n) {
            enumerateCmpRec(s1, s2 | sub, excluded | n);
        }
    }

    private void emitPair(long s1, long s2) {
        if ((++pairs & 0xFFF) == 0 && deadline.passed()) {
            throw DEADLINE_PASSED;
        }
        int i1 = memo.find(s1);
        int i2 = memo.find(s2);
        if (i1 < 0 || i2 < 0) {
            throw new IllegalStateException("DPccp enumeration order broken at " + Long.toBinaryString(s1) + " / "
                    + Long.toBinaryString(s2));
        }
        double rows1 = memo.rows[i1];
        double rows2 = memo.rows[i2];
        int i = memo.find(s1 | s2);
        if (i < 0) {
            i = memo.slot(s1 | s2, rows1 * rows2 * local.selectivity(s1, s2));
        }
        double out = memo.rows[i];
        double c = memo.cost[i1] + memo.cost[i2] + local.nodeCost(s1, rows1, s2, rows2, out);
        if (c < memo.cost[i] || memo.left[i] == (s1 | s2)) {
            memo.improve(i, c, s1);
        }
    }

    private JoinPlan plan(long set) {
        if (Long.bitCount(set) == 1) {
            return problem.scan(local.global(Long.numberOfTrailingZeros(set)));
        }
        int i = memo.find(set);
        long left = memo.left[i];
        return problem.join(plan(left), plan(set & ~left));
    }
}
