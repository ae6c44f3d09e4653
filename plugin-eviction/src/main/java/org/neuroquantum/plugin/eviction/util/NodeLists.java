package org.neuroquantum.plugin.eviction.util;

/**
 * A fixed pool of nodes, each holding a page id, threaded onto a few intrusive doubly linked lists
 * ({@link Links}), with a page-id index. Policies that keep queues of resident pages and of ghosts (recently
 * evicted page ids) build on it: every operation is O(1) and none allocates. Not thread-safe.
 *
 * <p>Each list runs from its front (oldest) to its back (newest). A node is on at most one list at a time.
 */
public final class NodeLists {
    /** What {@link #find}, {@link #front}, {@link #back}, {@link #after} and {@link #listOf} return for "none". */
    public static final int NONE = Links.NONE;

    private final int nodeCount;
    private final long[] keys;
    private final Links links;
    private final LongIntHashMap index;
    private final IntStack free;

    /**
     * Empty lists.
     *
     * @param nodeCount how many page ids may be held at once (resident pages plus ghosts)
     * @param listCount how many lists, at most 127
     */
    public NodeLists(int nodeCount, int listCount) {
        this.nodeCount = nodeCount;
        this.links = new Links(nodeCount, listCount);
        this.keys = new long[nodeCount];
        this.index = new LongIntHashMap(nodeCount);
        this.free = IntStack.ofRange(nodeCount);
    }

    /** The number of nodes. */
    public int nodeCount() {
        return nodeCount;
    }

    /** The node holding {@code key}, or {@link #NONE}. */
    public int find(long key) {
        int node = index.get(key);
        return node == LongIntHashMap.MISSING ? NONE : node;
    }

    /**
     * Takes a free node for {@code key} (which must not be held yet); the node is on no list.
     *
     * @throws IllegalStateException when every node is in use
     */
    public int add(long key) {
        if (free.isEmpty()) {
            throw new IllegalStateException("all " + nodeCount + " nodes are in use: history bound broken");
        }
        int node = free.pop();
        keys[node] = key;
        index.put(key, node);
        return node;
    }

    /** Unlinks {@code node} if it is on a list, forgets its key and returns it to the free nodes. */
    public void release(int node) {
        if (links.listOf(node) != NONE) {
            links.unlink(node);
        }
        index.remove(keys[node]);
        free.push(node);
    }

    /** The page id a node holds. */
    public long key(int node) {
        return keys[node];
    }

    /** How many nodes are held (on a list or not). */
    public int used() {
        return nodeCount - free.size();
    }

    /** The list a node is on, or {@link #NONE}. */
    public int listOf(int node) {
        return links.listOf(node);
    }

    /** How many nodes are on {@code list}. */
    public int size(int list) {
        return links.size(list);
    }

    /** Appends {@code node} (on no list) at the back of {@code list}. */
    public void pushBack(int list, int node) {
        links.pushBack(list, node);
    }

    /** Inserts {@code node} (on no list) at the front of {@code list}. */
    public void pushFront(int list, int node) {
        links.pushFront(list, node);
    }

    /** Inserts {@code node} (on no list) just before {@code at} on {@code at}'s list. */
    public void insertBefore(int node, int at) {
        links.insertBefore(node, at);
    }

    /** Moves {@code node} from wherever it is to the back of {@code list}. */
    public void moveToBack(int list, int node) {
        links.moveToBack(list, node);
    }

    /** Takes {@code node} off its list. */
    public void unlink(int node) {
        links.unlink(node);
    }

    /** The oldest node of {@code list}, or {@link #NONE} when it is empty. */
    public int front(int list) {
        return links.front(list);
    }

    /** The newest node of {@code list}, or {@link #NONE} when it is empty. */
    public int back(int list) {
        return links.back(list);
    }

    /** The node after {@code node} on its list (towards the back), or {@link #NONE}. */
    public int after(int node) {
        return links.after(node);
    }
}
