package org.neuroquantum.plugin.eviction.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntStackTest {
    @Test
    void rangePopsInAscendingOrderAndIsLifo() {
        IntStack stack = IntStack.ofRange(3);
        assertEquals(0, stack.pop());
        assertEquals(1, stack.pop());
        stack.push(0);
        assertEquals(0, stack.pop());
        assertEquals(2, stack.pop());
        assertTrue(stack.isEmpty());
        assertThrows(IllegalStateException.class, stack::pop);
    }

    @Test
    void refusesToOverflow() {
        IntStack stack = IntStack.ofRange(1);
        assertThrows(IllegalStateException.class, () -> stack.push(5));
        assertEquals(1, stack.size());
    }
}
