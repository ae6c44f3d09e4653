package org.neuroquantum.engine.txn.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroquantum.engine.txn.lock.LockMode.IS;
import static org.neuroquantum.engine.txn.lock.LockMode.IX;
import static org.neuroquantum.engine.txn.lock.LockMode.S;
import static org.neuroquantum.engine.txn.lock.LockMode.SIX;
import static org.neuroquantum.engine.txn.lock.LockMode.X;

import org.junit.jupiter.api.Test;

class LockModeTest {
    /** The standard matrix, written out independently of the production table. */
    static boolean expectedCompatible(LockMode a, LockMode b) {
        String[] rows = {
            /*        IS IX S  SIX X */
            /* IS  */ "11110",
            /* IX  */ "11000",
            /* S   */ "10100",
            /* SIX */ "10000",
            /* X   */ "00000",
        };
        return rows[a.ordinal()].charAt(b.ordinal()) == '1';
    }

    /** The standard suprema, written out independently of the production table. */
    static LockMode expectedSupremum(LockMode a, LockMode b) {
        LockMode[][] table = {
            {IS, IX, S, SIX, X},
            {IX, IX, SIX, SIX, X},
            {S, SIX, S, SIX, X},
            {SIX, SIX, SIX, SIX, X},
            {X, X, X, X, X},
        };
        return table[a.ordinal()][b.ordinal()];
    }

    @Test
    void compatibilityIsTheStandardMatrixAndSymmetric() {
        for (LockMode a : LockMode.values()) {
            for (LockMode b : LockMode.values()) {
                assertEquals(expectedCompatible(a, b), a.isCompatibleWith(b), a + " vs " + b);
                assertEquals(a.isCompatibleWith(b), b.isCompatibleWith(a), a + " vs " + b);
            }
        }
    }

    @Test
    void supremumIsTheLeastUpperBound() {
        for (LockMode a : LockMode.values()) {
            for (LockMode b : LockMode.values()) {
                LockMode sup = a.supremum(b);
                assertEquals(expectedSupremum(a, b), sup, a + " + " + b);
                assertEquals(sup, b.supremum(a));
                assertTrue(sup.covers(a) && sup.covers(b), sup + " covers " + a + " and " + b);
                for (LockMode m : LockMode.values()) {
                    if (m.covers(a) && m.covers(b)) {
                        assertTrue(m.covers(sup), m + " covers both " + a + " and " + b + " so it covers " + sup);
                    }
                }
            }
        }
    }

    @Test
    void aStrongerModeConflictsWithAtLeastWhatAWeakerOneConflictsWith() {
        for (LockMode strong : LockMode.values()) {
            for (LockMode weak : LockMode.values()) {
                if (!strong.covers(weak)) {
                    continue;
                }
                for (LockMode other : LockMode.values()) {
                    if (!weak.isCompatibleWith(other)) {
                        assertTrue(!strong.isCompatibleWith(other), strong + " covers " + weak + " vs " + other);
                    }
                }
            }
        }
    }

    @Test
    void parentIntentions() {
        assertEquals(IS, IS.parentIntention());
        assertEquals(IS, S.parentIntention());
        assertEquals(IX, IX.parentIntention());
        assertEquals(IX, SIX.parentIntention());
        assertEquals(IX, X.parentIntention());
    }
}
