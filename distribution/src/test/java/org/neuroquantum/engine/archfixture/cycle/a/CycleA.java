package org.neuroquantum.engine.archfixture.cycle.a;

import org.neuroquantum.engine.archfixture.cycle.b.CycleB;

/** Violates rule 6 (no package cycles) on purpose: uses package cycle.b, which uses this package. */
public final class CycleA {
    public CycleB b;
}
