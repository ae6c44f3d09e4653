package org.neuroquantum.plugin.eviction.util;

/**
 * Intrusive doubly linked lists threaded through node numbers {@code 0 .. nodeCount-1}: each node is on at
 * most one of {@code listCount} lists, every operation is O(1) and none allocates. Each list runs from its
 * front (oldest) to its back (newest). Not thread-safe.
 *
 * <p>A policy that needs a node on two lists at once (LIRS: a page in the recency stack and in the resident
 * HIR queue) uses two {@code Links} over the same node numbers.
 */
public final class Links {
    /** What {@link #front}, {@link #back}, {@link #after} and {@link #listOf} return for "none". */
    public static final int NONE = -1;

    private final int nodeCount;
    private final int[] prev;
    private final int[] next;
    private final byte[] owner;
    private final int[] sizes;

    /** Empty lists over {@code nodeCount} nodes; at most 127 lists. */
    public Links(int nodeCount, int listCount) {
        if (nodeCount < 1 || listCount < 1 || listCount > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("nodeCount " + nodeCount + " and listCount " + listCount);
        }
        this.nodeCount = nodeCount;
        this.prev = new int[nodeCount + listCount];
        this.next = new int[nodeCount + listCount];
        this.owner = new byte[nodeCount];
        this.sizes = new int[listCount];
        for (int list = 0; list < listCount; list++) {
            int sentinel = nodeCount + list;
            prev[sentinel] = sentinel;
            next[sentinel] = sentinel;
        }
        java.util.Arrays.fill(owner, (byte) NONE);
    }

    /** The list a node is on, or {@link #NONE}. */
    public int listOf(int node) {
        return owner[node];
    }

    /** How many nodes are on {@code list}. */
    public int size(int list) {
        return sizes[list];
    }

    /** Appends {@code node} (on no list) at the back of {@code list}. */
    public void pushBack(int list, int node) {
        int sentinel = nodeCount + list;
        link(node, prev[sentinel], sentinel, list);
    }

    /** Inserts {@code node} (on no list) at the front of {@code list}. */
    public void pushFront(int list, int node) {
        int sentinel = nodeCount + list;
        link(node, sentinel, next[sentinel], list);
    }

    /** Inserts {@code node} (on no list) just before {@code at} on {@code at}'s list. */
    public void insertBefore(int node, int at) {
        link(node, prev[at], at, owner[at]);
    }

    /** Moves {@code node} from wherever it is to the back of {@code list}. */
    public void moveToBack(int list, int node) {
        if (owner[node] != NONE) {
            unlink(node);
        }
        pushBack(list, node);
    }

    /** Takes {@code node} off its list. */
    public void unlink(int node) {
        int list = owner[node];
        if (list == NONE) {
            throw new IllegalStateException("node " + node + " is on no list");
        }
        next[prev[node]] = next[node];
        prev[next[node]] = prev[node];
        owner[node] = (byte) NONE;
        sizes[list]--;
    }

    /** The oldest node of {@code list}, or {@link #NONE} when it is empty. */
    public int front(int list) {
        int first = next[nodeCount + list];
        return first >= nodeCount ? NONE : first;
    }

    /** The newest node of {@code list}, or {@link #NONE} when it is empty. */
    public int back(int list) {
        int last = prev[nodeCount + list];
        return last >= nodeCount ? NONE : last;
    }

    /** The node after {@code node} on its list (towards the back), or {@link #NONE}. */
    public int after(int node) {
        int following = next[node];
        return following >= nodeCount ? NONE : following;
    }

    private void link(int node, int before, int after, int list) {
        if (owner[node] != NONE) {
            throw new IllegalStateException("node " + node + " is already on list " + owner[node]);
        }
        prev[node] = before;
        next[node] = after;
        next[before] = node;
        prev[after] = node;
        owner[node] = (byte) list;
        sizes[list]++;
    }
}
