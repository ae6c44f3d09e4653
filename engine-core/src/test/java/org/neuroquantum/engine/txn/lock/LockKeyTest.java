package org.neuroquantum.engine.txn.lock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockKeyTest {
    @Test
    void equalBytesFromDifferentArraysNameTheSameResource() {
        LockKey a = LockKey.key(3, new byte[] {1, 2, 3});
        LockKey b = LockKey.key(3, new byte[] {1, 2, 3});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, LockKey.key(4, new byte[] {1, 2, 3}));
        assertNotEquals(a, LockKey.key(3, new byte[] {1, 2}));
        assertNotEquals(a, LockKey.relation(3));
        assertEquals(LockKey.relation(3), LockKey.relation(3));
        assertNotEquals(LockKey.relation(3), LockKey.key(3, new byte[0]));
    }

    @Test
    void keyBytesAreCopiedInAndOut() {
        byte[] bytes = {1, 2};
        LockKey k = LockKey.key(1, bytes);
        bytes[0] = 9;
        assertArrayEquals(new byte[] {1, 2}, k.key());
        k.key()[1] = 9;
        assertArrayEquals(new byte[] {1, 2}, k.key());
        assertThrows(NullPointerException.class, () -> LockKey.key(1, null));
    }

    @Test
    void relationsAndParents() {
        LockKey row = LockKey.key(7, new byte[] {5});
        assertFalse(row.isRelation());
        assertEquals(LockKey.relation(7), row.parent());
        assertTrue(LockKey.relation(7).isRelation());
        assertNull(LockKey.relation(7).key());
        assertEquals(7, row.relationId());
    }

    @Test
    void orderIsRelationFirstThenUnsignedBytes() {
        List<LockKey> keys = new ArrayList<>(List.of(
                LockKey.key(2, new byte[] {0}),
                LockKey.key(1, new byte[] {(byte) 0x80}),
                LockKey.key(1, new byte[] {0x7f}),
                LockKey.relation(2),
                LockKey.relation(1),
                LockKey.key(1, new byte[] {0x7f, 0})));
        keys.sort(null);
        assertEquals(List.of(
                LockKey.relation(1),
                LockKey.key(1, new byte[] {0x7f}),
                LockKey.key(1, new byte[] {0x7f, 0}),
                LockKey.key(1, new byte[] {(byte) 0x80}),
                LockKey.relation(2),
                LockKey.key(2, new byte[] {0})), keys);
    }

    @Test
    void readableNames() {
        assertEquals("relation 7", LockKey.relation(7).toString());
        assertEquals("relation 7 key 0x0aff", LockKey.key(7, new byte[] {10, -1}).toString());
        assertEquals("relation 7 key 0x00000000000000000000000000000000...(40 bytes)",
                LockKey.key(7, new byte[40]).toString());
    }
}
