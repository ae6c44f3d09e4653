package org.neuroquantum.plugin.eviction.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongIntHashMapTest {
    @Test
    void agreesWithHashMapUnderRandomPutsAndRemoves() {
        // A small initial size forces growth; a narrow key range forces collisions and long probe runs, which
        // is where backward-shift deletion can go wrong.
        LongIntHashMap map = new LongIntHashMap(4);
        Map<Long, Integer> model = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 300_000; i++) {
            long key = random.nextInt(4) == 0 ? random.nextInt(1 << 20) * 1024L : random.nextInt(600);
            int op = random.nextInt(3);
            if (op == 0) {
                int value = random.nextInt(1000);
                Integer old = model.put(key, value);
                assertEquals(old == null ? LongIntHashMap.MISSING : old, map.put(key, value));
            } else if (op == 1) {
                Integer old = model.remove(key);
                assertEquals(old == null ? LongIntHashMap.MISSING : old, map.remove(key));
            } else {
                Integer value = model.get(key);
                assertEquals(value == null ? LongIntHashMap.MISSING : value, map.get(key));
            }
            assertEquals(model.size(), map.size());
        }
        List<Long> keys = new ArrayList<>(model.keySet());
        for (long key : keys) {
            assertEquals(model.get(key), map.get(key));
        }
    }

    @Test
    void rejectsNegativeKeysAndFindsNone() {
        LongIntHashMap map = new LongIntHashMap(2);
        assertThrows(IllegalArgumentException.class, () -> map.put(-1, 0));
        assertEquals(LongIntHashMap.MISSING, map.get(-1));
        assertEquals(LongIntHashMap.MISSING, map.remove(-5));
    }

    @Test
    void holdsLargeKeys() {
        LongIntHashMap map = new LongIntHashMap(1);
        map.put(Long.MAX_VALUE, 1);
        map.put(0, 2);
        assertEquals(1, map.get(Long.MAX_VALUE));
        assertEquals(2, map.get(0));
        assertEquals(1, map.remove(Long.MAX_VALUE));
        assertEquals(1, map.size());
    }
}
