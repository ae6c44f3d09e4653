package org.neuroquantum.engine.txn.lock;

import java.util.List;

/**
 * Lock modes of multiple-granularity locking (Gray et al.), ordered from weakest to strongest along the
 * lattice IS &lt; IX, S &lt; SIX &lt; X.
 *
 * <pre>
 *  compatible   IS   IX   S    SIX  X
 *  IS           yes  yes  yes  yes  no
 *  IX           yes  yes  no   no   no
 *  S            yes  no   yes  no   no
 *  SIX          yes  no   no   no   no
 *  X            no   no   no   no   no
 * </pre>
 *
 * A transaction that holds one mode and asks for another gets their {@link #supremum}: the weakest mode at
 * least as strong as both (S and IX give SIX).
 */
public enum LockMode {
    /** Intention shared: the transaction will take S locks below this resource. */
    IS,
    /** Intention exclusive: the transaction will take X (or S) locks below this resource. */
    IX,
    /** Shared: read the whole resource. */
    S,
    /** Shared plus intention exclusive: read the whole resource and write parts of it. */
    SIX,
    /** Exclusive: read and write the whole resource. */
    X;

    /** All modes in declaration order (weakest first); the ordinal indexes the tables below. */
    static final List<LockMode> ALL = List.of(values());

    private static final boolean[][] COMPATIBLE = {
        /*            IS     IX     S      SIX    X     */
        /* IS  */ {true, true, true, true, false},
        /* IX  */ {true, true, false, false, false},
        /* S   */ {true, false, true, false, false},
        /* SIX */ {true, false, false, false, false},
        /* X   */ {false, false, false, false, false},
    };

    private static final LockMode[][] SUPREMUM = {
        /*            IS   IX   S    SIX  X  */
        /* IS  */ {IS, IX, S, SIX, X},
        /* IX  */ {IX, IX, SIX, SIX, X},
        /* S   */ {S, SIX, S, SIX, X},
        /* SIX */ {SIX, SIX, SIX, SIX, X},
        /* X   */ {X, X, X, X, X},
    };

    /** Whether two transactions may hold this mode and {@code other} on the same resource at once. */
    public boolean isCompatibleWith(LockMode other) {
        return COMPATIBLE[ordinal()][other.ordinal()];
    }

    /** The weakest mode at least as strong as this one and {@code other}: what an upgrade results in. */
    public LockMode supremum(LockMode other) {
        return SUPREMUM[ordinal()][other.ordinal()];
    }

    /** Whether holding this mode already grants everything {@code other} grants. */
    public boolean covers(LockMode other) {
        return supremum(other) == this;
    }

    /**
     * The intention mode a transaction must hold on the parent (the relation) before it takes this mode on a
     * child (a key): IS for IS and S, IX for IX, SIX and X.
     */
    public LockMode parentIntention() {
        return this == IS || this == S ? IS : IX;
    }
}
