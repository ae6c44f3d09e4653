package org.neuroquantum.plugin.eviction.util;

import java.util.Arrays;

/**
 * A binary min-heap of small integer handles ({@code 0 .. capacity-1}), each with a {@code long} priority
 * that can be changed or removed in O(log n) because the heap remembers where every handle sits. Not
 * thread-safe.
 */
public final class IndexedHeap {
    private final int[] heap;
    private final int[] position;
    private final long[] priority;
    private int size;

    /** An empty heap for handles {@code 0 .. capacity-1}. */
    public IndexedHeap(int capacity) {
        heap = new int[capacity];
        position = new int[capacity];
        priority = new long[capacity];
        Arrays.fill(position, -1);
    }

    /** Whether {@code handle} is in the heap. */
    public boolean contains(int handle) {
        return position[handle] >= 0;
    }

    /** The number of handles in the heap. */
    public int size() {
        return size;
    }

    /** Adds {@code handle} (not in the heap) or changes its priority. */
    public void set(int handle, long newPriority) {
        int at = position[handle];
        if (at < 0) {
            priority[handle] = newPriority;
            heap[size] = handle;
            position[handle] = size;
            siftUp(size++);
        } else {
            long old = priority[handle];
            priority[handle] = newPriority;
            if (newPriority < old) {
                siftUp(at);
            } else {
                siftDown(at);
            }
        }
    }

    /** The handle with the smallest priority. */
    public int peek() {
        if (size == 0) {
            throw new IllegalStateException("heap is empty");
        }
        return heap[0];
    }

    /** A handle's priority. */
    public long priorityOf(int handle) {
        return priority[handle];
    }

    /** Removes {@code handle} if present. */
    public void remove(int handle) {
        int at = position[handle];
        if (at < 0) {
            return;
        }
        position[handle] = -1;
        size--;
        if (at == size) {
            return;
        }
        int moved = heap[size];
        heap[at] = moved;
        position[moved] = at;
        siftUp(at);
        siftDown(position[moved]);
    }

    private void siftUp(int at) {
        int handle = heap[at];
        long p = priority[handle];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            int parentHandle = heap[parent];
            if (priority[parentHandle] <= p) {
                break;
            }
            heap[at] = parentHandle;
            position[parentHandle] = at;
            at = parent;
        }
        heap[at] = handle;
        position[handle] = at;
    }

    private void siftDown(int at) {
        int handle = heap[at];
        long p = priority[handle];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && priority[heap[child + 1]] < priority[heap[child]]) {
                child++;
            }
            int childHandle = heap[child];
            if (priority[childHandle] >= p) {
                break;
            }
            heap[at] = childHandle;
            position[childHandle] = at;
            at = child;
        }
        heap[at] = handle;
        position[handle] = at;
    }
}
