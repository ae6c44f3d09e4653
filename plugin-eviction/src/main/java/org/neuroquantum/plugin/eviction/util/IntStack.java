package org.neuroquantum.plugin.eviction.util;

/**
 * A fixed-capacity stack of {@code int}s, used as the free list of a policy's slots. Not thread-safe.
 *
 * <p>Being last-in first-out matters to Clock: the slot freed by an eviction is the next one reused, so a
 * new page lands right behind the hand.
 */
public final class IntStack {
    private final int[] items;
    private int size;

    /** A full stack holding {@code 0 .. count-1}, with {@code 0} on top. */
    public static IntStack ofRange(int count) {
        IntStack stack = new IntStack(count);
        for (int i = count - 1; i >= 0; i--) {
            stack.push(i);
        }
        return stack;
    }

    /** An empty stack with room for {@code capacity} items. */
    public IntStack(int capacity) {
        items = new int[capacity];
    }

    /**
     * Pushes {@code value}.
     *
     * @throws IllegalStateException when the stack is full
     */
    public void push(int value) {
        if (size == items.length) {
            throw new IllegalStateException("stack is full (" + size + " items)");
        }
        items[size++] = value;
    }

    /**
     * Pops the top value.
     *
     * @throws IllegalStateException when the stack is empty
     */
    public int pop() {
        if (size == 0) {
            throw new IllegalStateException("stack is empty");
        }
        return items[--size];
    }

    /** Whether the stack holds nothing. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** The number of items. */
    public int size() {
        return size;
    }
}
