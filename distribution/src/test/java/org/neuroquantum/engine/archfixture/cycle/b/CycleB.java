package org.neuroquantum.engine.archfixture.cycle.b;

import org.neuroquantum.engine.archfixture.cycle.a.CycleA;

/** Violates rule 6 (no package cycles) on purpose: uses package cycle.a, which uses this package. */
public final class CycleB {
    public CycleA a;
}
