package org.neuroquantum.engine.storage.btree;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;
import org.neuroquantum.spi.index.Index;
import org.neuroquantum.spi.index.IndexContext;
import org.neuroquantum.spi.index.IndexCursor;
import org.neuroquantum.spi.index.IndexTransaction;
import org.neuroquantum.spi.index.KeyRange;
import org.neuroquantum.spi.index.PageAccess;
import org.neuroquantum.spi.index.PageAccess.Latch;
import org.neuroquantum.spi.index.PageHandle;
import org.neuroquantum.spi.metrics.Counter;
import org.neuroquantum.spi.metrics.Metrics;

/**
 * A B+ tree over the pages of a {@link PageAccess}: variable-length keys in unsigned lexicographic order,
 * values inline or in overflow chains, doubly linked leaves. The root page never moves: a root split moves the
 * root's content into two new children, and a root left with a single child takes that child's content.
 * The page layout is described in {@link Node} and {@link Overflow} and in {@code docs/file-format.md}.
 *
 * <h2>Concurrency: latch coupling with optimistic writers</h2>
 * Every operation is atomic with respect to every other; no tree-wide lock is taken on the hot paths. The
 * rules, with the page latches of {@link PageAccess}:
 * <ol>
 *   <li><b>Readers</b> ({@link #get}, cursor refills) descend from the root with SHARED latches, coupling: a
 *   child is latched before its parent is released. A half-done split or merge is never seen, because every
 *   structure modification holds EXCLUSIVE latches on all nodes it changes (and on their parent) until each of
 *   them is consistent again.</li>
 *   <li><b>Writers</b> first descend optimistically like readers but latch the leaf EXCLUSIVE. When the change
 *   fits the leaf without a split and leaves it at least {@link Geometry#minFill() minimally filled}, it is made
 *   there and then. Otherwise every latch is released and the writer restarts <i>pessimistically</i>: EXCLUSIVE
 *   latches from the root down, releasing all ancestors whenever it reaches an inner node that is <i>safe</i>
 *   (it can take one more maximal separator without splitting and lose one without underflowing). The nodes
 *   still held are exactly those a split, merge or redistribution may propagate into.</li>
 *   <li><b>Latch order</b> is top-down, and left-to-right among siblings. Inner nodes are only reached through
 *   their parent, so siblings under a parent held exclusively cannot be contended. Leaves are also reached
 *   through sibling links, so a writer that must rebalance a leaf with its left sibling releases the leaf, then
 *   latches the left sibling and the leaf again in that order (the parent, still held exclusively, keeps
 *   everyone else from changing either). Splits and merges latch the right neighbour whose left link they fix
 *   after the nodes to its left. Ascending cursors couple to the right sibling (left-to-right, too).</li>
 *   <li><b>Descending cursors</b> must move right-to-left, against that order, so they never wait for a latch
 *   while holding one: they remember the leaf's structure version, release it, latch the left sibling, check
 *   that its right link still points back, and latch the leaf again to check that its structure version is
 *   unchanged (left-to-right again). If anything changed they re-descend from the root. Every split, merge,
 *   redistribution or link change increments the structure version of the leaves involved.</li>
 *   <li><b>Freeing</b>: a page may only be freed when nobody can pin it. A node unlinked by a merge or a root
 *   collapse is marked dead and freed only after all latches are released, under the write side of a tree-local
 *   read-write lock whose read side a descending cursor holds while it steps left (the only place a page id is
 *   used after the latch that published it was released). Overflow pages are freed once the cell pointing to
 *   them is gone; they are only ever read under the latch of their leaf.</li>
 *   <li><b>Cursors</b> hold no latch or pin between calls: each refill copies the entries of one or more leaves
 *   and remembers the last key, and the next refill seeks past that key from the root. An entry present
 *   throughout a scan is returned exactly once; entries added or removed during the scan may or may not be
 *   seen; keys come strictly in order.</li>
 * </ol>
 * {@link #verify} expects a quiescent tree (no concurrent writers).
 *
 * <p>Metrics (counters, under the context's scope): {@code splits}, {@code merges}, {@code redistributions},
 * {@code pessimistic-restarts} (writes that needed the exclusive path), {@code cursor-retries} and
 * {@code cursor-left-steps-failed} (descending cursors that re-descended after a concurrent change).
 */
public final class BTree implements Index {
    private final String name;
    private final PageAccess pages;
    private final long rootId;
    private final Geometry geometry;
    /** Frees of unlinked nodes take the write side; descending cursors stepping left hold the read side. */
    private final ReentrantReadWriteLock freeGuard = new ReentrantReadWriteLock();
    private final Counter splits;
    private final Counter merges;
    private final Counter redistributions;
    private final Counter restarts;
    private final Counter cursorRetries;
    private final Counter leftStepsFailed;

    BTree(IndexContext context, long rootPageId) {
        this.name = context.indexName();
        this.pages = context.pages();
        this.rootId = rootPageId;
        this.geometry = new Geometry(pages.usableBytes());
        Metrics metrics = context.metrics() != null ? context.metrics() : Metrics.detached();
        this.splits = metrics.counter("splits");
        this.merges = metrics.counter("merges");
        this.redistributions = metrics.counter("redistributions");
        this.restarts = metrics.counter("pessimistic-restarts");
        this.cursorRetries = metrics.counter("cursor-retries");
        this.leftStepsFailed = metrics.counter("cursor-left-steps-failed");
    }

    /** Allocates the root page of a new, empty tree (an empty leaf). */
    static BTree create(IndexContext context, IndexTransaction tx) {
        PageAccess pages = context.pages();
        Geometry geometry = new Geometry(pages.usableBytes());
        long root;
        try (Node node = new Node(pages.allocate(tx), geometry.usable())) {
            node.format(Node.LEAF, 0, Node.NONE, Node.NONE, Node.NONE, 0, List.of());
            root = node.id;
        }
        return new BTree(context, root);
    }

    @Override
    public long rootPageId() {
        return rootId;
    }

    /** The index's name, as given by the catalog. */
    public String name() {
        return name;
    }

    /** The longest key this tree accepts. */
    public int maxKeyBytes() {
        return geometry.maxKeyBytes();
    }

    PageAccess pages() {
        return pages;
    }

    Geometry geometry() {
        return geometry;
    }

    // ================================================================ reads

    @Override
    public byte[] get(IndexTransaction transaction, byte[] key) {
        checkKey(key);
        Node leaf = leafShared(transaction, key, Route.AT);
        try {
            int i = leaf.search(key);
            return i < 0 ? null : value(transaction, leaf, i);
        } finally {
            leaf.close();
        }
    }

    @Override
    public IndexCursor scan(IndexTransaction transaction, KeyRange range, boolean descending) {
        Objects.requireNonNull(range, "range");
        return new BTreeCursor(this, transaction, range, descending);
    }

    /** How a descent chooses the child of an inner node. */
    enum Route {
        /** The leftmost leaf. */
        FIRST,
        /** The rightmost leaf. */
        LAST,
        /** The leaf whose key range holds the key. */
        AT,
        /** The leaf whose key range holds the keys just below the key. */
        BELOW
    }

    /** Descends with shared latch coupling to a leaf, returned latched SHARED. */
    Node leafShared(IndexTransaction tx, byte[] key, Route route) {
        Node node = pinNode(tx, rootId, Latch.SHARED, null, Node.NONE);
        while (!node.isLeaf()) {
            int index = switch (route) {
                case FIRST -> 0;
                case LAST -> node.count();
                case AT -> node.childIndex(key, true);
                case BELOW -> node.childIndex(key, false);
            };
            Node child = pinNode(tx, node.child(index), Latch.SHARED, node, node.id);
            checkChild(node, child);
            node.close();
            node = child;
        }
        return node;
    }

    /** The value at slot {@code i} of a latched leaf (read from its overflow chain if it has one). */
    byte[] value(IndexTransaction tx, Node leaf, int i) {
        if (!leaf.isOverflowValue(i)) {
            return leaf.inlineValue(i);
        }
        return Overflow.read(pages, tx, geometry, name, leaf.id, leaf.overflowPage(i), leaf.valueLength(i));
    }

    // ================================================================ cursor refills

    /** Fills the cursor's next batch in ascending order, following right links with coupling. */
    void fillAscending(BTreeCursor c) {
        KeyRange range = c.range();
        byte[] from = c.resumeKey() != null ? c.resumeKey() : range.low();
        boolean inclusive = c.resumeKey() == null && range.lowInclusive();
        IndexTransaction tx = c.transaction();
        Node leaf = from == null ? leafShared(tx, null, Route.FIRST) : leafShared(tx, from, Route.AT);
        try {
            int i = 0;
            if (from != null) {
                int found = leaf.search(from);
                i = found >= 0 ? (inclusive ? found : found + 1) : -found - 1;
            }
            byte[] high = range.high();
            while (true) {
                int n = leaf.count();
                for (; i < n; i++) {
                    if (high != null) {
                        int cmp = leaf.compareKey(i, high);
                        if (cmp > 0 || (cmp == 0 && !range.highInclusive())) {
                            c.exhausted();
                            return;
                        }
                    }
                    c.add(leaf.key(i), value(tx, leaf, i));
                }
                if (c.batchFull()) {
                    return;
                }
                long right = leaf.right();
                if (right == Node.NONE) {
                    c.exhausted();
                    return;
                }
                Node next = pinNode(tx, right, Latch.SHARED, leaf, leaf.id);
                if (!next.isLeaf()) {
                    next.close();
                    throw corrupt(leaf.id, "has right link " + right + ", which is not a leaf");
                }
                leaf.close();
                leaf = next;
                i = 0;
            }
        } finally {
            leaf.close();
        }
    }

    /** Fills the cursor's next batch in descending order, stepping left as described in the class comment. */
    void fillDescending(BTreeCursor c) {
        freeGuard.readLock().lock();
        try {
            while (!fillDescendingOnce(c)) {
                cursorRetries.increment();
            }
        } finally {
            freeGuard.readLock().unlock();
        }
    }

    /** One attempt; {@code false} when a left step failed before anything was collected (the caller retries). */
    private boolean fillDescendingOnce(BTreeCursor c) {
        KeyRange range = c.range();
        byte[] from = c.resumeKey() != null ? c.resumeKey() : range.high();
        boolean inclusive = c.resumeKey() == null && range.highInclusive();
        IndexTransaction tx = c.transaction();
        Node leaf = from == null ? leafShared(tx, null, Route.LAST)
                : leafShared(tx, from, inclusive ? Route.AT : Route.BELOW);
        try {
            int i = leaf.count() - 1;
            if (from != null) {
                int found = leaf.search(from);
                i = found >= 0 ? (inclusive ? found : found - 1) : -found - 2;
            }
            byte[] low = range.low();
            while (true) {
                for (; i >= 0; i--) {
                    if (low != null) {
                        int cmp = leaf.compareKey(i, low);
                        if (cmp < 0 || (cmp == 0 && !range.lowInclusive())) {
                            c.exhausted();
                            return true;
                        }
                    }
                    c.add(leaf.key(i), value(tx, leaf, i));
                }
                if (c.batchFull()) {
                    return true;
                }
                long left = leaf.left();
                if (left == Node.NONE) {
                    c.exhausted();
                    return true;
                }
                long id = leaf.id;
                int version = leaf.version();
                leaf.close();
                // Safe to pin: the read side of freeGuard keeps 'left' from being freed, though it may be dead.
                Node previous = pin(tx, left, Latch.SHARED);
                boolean valid;
                try {
                    valid = previous.isLeaf() && previous.formatVersion() == Node.FORMAT_VERSION && previous.right() == id;
                    if (valid) {
                        try (Node again = pin(tx, id, Latch.SHARED)) {
                            valid = again.isLeaf() && again.version() == version;
                        }
                    }
                } catch (RuntimeException e) {
                    previous.close();
                    throw e;
                }
                if (!valid) {
                    previous.close();
                    leftStepsFailed.increment();
                    return !c.batchEmpty();
                }
                leaf = previous;
                i = leaf.count() - 1;
            }
        } finally {
            leaf.close();
        }
    }

    // ================================================================ writes

    @Override
    public byte[] put(IndexTransaction transaction, byte[] key, byte[] value) {
        checkKey(key);
        Objects.requireNonNull(value, "value");
        if (value.length > BTreeIndexFactory.MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("A value of " + value.length + " bytes is longer than the "
                    + BTreeIndexFactory.MAX_VALUE_BYTES + " bytes index '" + name + "' accepts.");
        }
        long chain = Node.NONE;
        byte[] cell;
        if (geometry.inline(key.length, value.length)) {
            cell = Node.leafCell(key, value);
        } else {
            chain = Overflow.write(pages, transaction, geometry, value);
            cell = Node.overflowCell(key, value.length, chain);
        }
        Change change = new Change(key, cell);
        try {
            modify(transaction, change);
        } catch (RuntimeException e) {
            if (chain != Node.NONE && !change.stored) {
                try {
                    Overflow.free(pages, transaction, chain);
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        return change.old;
    }

    @Override
    public byte[] delete(IndexTransaction transaction, byte[] key) {
        checkKey(key);
        Change change = new Change(key, null);
        modify(transaction, change);
        return change.old;
    }

    /** A put (a cell to store) or a delete (no cell) of one key, and what it leaves to clean up. */
    private static final class Change {
        final byte[] key;
        final byte[] cell;
        byte[] old;
        long oldChain = Node.NONE;
        boolean stored;
        final List<Long> dead = new ArrayList<>(2);

        Change(byte[] key, byte[] cell) {
            this.key = key;
            this.cell = cell;
        }
    }

    private void modify(IndexTransaction tx, Change change) {
        if (!optimistic(tx, change)) {
            restarts.increment();
            pessimistic(tx, change);
        }
        // Every latch is released here.
        if (!change.dead.isEmpty()) {
            freeGuard.writeLock().lock();
            try {
                for (long id : change.dead) {
                    pages.free(tx, id);
                }
            } finally {
                freeGuard.writeLock().unlock();
            }
        }
        if (change.oldChain != Node.NONE) {
            Overflow.free(pages, tx, change.oldChain);
        }
    }

    private void takeOld(IndexTransaction tx, Change change, Node leaf, int i) {
        change.old = value(tx, leaf, i);
        change.oldChain = leaf.overflowPage(i);
    }

    /** The change made in the leaf alone, if it needs no split or rebalancing; {@code false} otherwise. */
    private boolean optimistic(IndexTransaction tx, Change change) {
        Node leaf = leafExclusive(tx, change.key);
        try {
            int i = leaf.search(change.key);
            boolean root = leaf.id == rootId;
            if (change.cell == null) {
                if (i < 0) {
                    return true;
                }
                if (!root && leaf.used() - leaf.cellSize(i) - Node.SLOT < geometry.minFill()) {
                    return false;
                }
                takeOld(tx, change, leaf, i);
                leaf.removeSlots(i, i + 1);
                return true;
            }
            if (i >= 0) {
                int used = leaf.used() - leaf.cellSize(i) + change.cell.length;
                if (used > geometry.capacity() || (!root && used < geometry.minFill())) {
                    return false;
                }
                takeOld(tx, change, leaf, i);
                change.stored = true;
                leaf.replaceCell(i, change.cell);
                return true;
            }
            if (leaf.used() + change.cell.length + Node.SLOT > geometry.capacity()) {
                return false;
            }
            change.stored = true;
            leaf.insertCell(-i - 1, change.cell);
            return true;
        } finally {
            leaf.close();
        }
    }

    /** Descends with shared latches and returns the leaf for {@code key} latched EXCLUSIVE. */
    private Node leafExclusive(IndexTransaction tx, byte[] key) {
        while (true) {
            Node node = pinNode(tx, rootId, Latch.SHARED, null, Node.NONE);
            if (node.isLeaf()) {
                node.close();
                Node root = pinNode(tx, rootId, Latch.EXCLUSIVE, null, Node.NONE);
                if (root.isLeaf()) {
                    return root;
                }
                root.close(); // the root split in between: start again
                continue;
            }
            while (true) {
                boolean leafNext = node.level() == 1;
                Node child = pinNode(tx, node.child(node.childIndex(key, true)),
                        leafNext ? Latch.EXCLUSIVE : Latch.SHARED, node, node.id);
                checkChild(node, child);
                node.close();
                node = child;
                if (leafNext) {
                    return node;
                }
            }
        }
    }

    /** A node on the pessimistic path, the child index taken in it, and a sibling latched while rebalancing. */
    private static final class Frame {
        Node node;
        int index;
        Node sibling;

        Frame(Node node) {
            this.node = node;
        }

        void close() {
            if (sibling != null) {
                sibling.close();
                sibling = null;
            }
            if (node != null) {
                node.close();
                node = null;
            }
        }
    }

    /** What a level asks of its parent: insert, remove or replace one cell. */
    private record Edit(Kind kind, int index, byte[] cell) {
        enum Kind { INSERT, REMOVE, REPLACE }

        static Edit insert(int index, byte[] cell) {
            return new Edit(Kind.INSERT, index, cell);
        }

        static Edit remove(int index) {
            return new Edit(Kind.REMOVE, index, null);
        }

        static Edit replace(int index, byte[] cell) {
            return new Edit(Kind.REPLACE, index, cell);
        }

        void applyTo(List<byte[]> cells) {
            switch (kind) {
                case INSERT -> cells.add(index, cell);
                case REMOVE -> cells.remove(index);
                case REPLACE -> cells.set(index, cell);
                default -> throw new IllegalStateException();
            }
        }
    }

    private void pessimistic(IndexTransaction tx, Change change) {
        List<Frame> path = new ArrayList<>();
        try {
            path.add(new Frame(pinNode(tx, rootId, Latch.EXCLUSIVE, null, Node.NONE)));
            Node node = path.get(0).node;
            while (!node.isLeaf()) {
                int index = node.childIndex(change.key, true);
                path.get(path.size() - 1).index = index;
                Frame frame = new Frame(pinNode(tx, node.child(index), Latch.EXCLUSIVE, null, node.id));
                path.add(frame);
                checkChild(node, frame.node);
                if (!frame.node.isLeaf() && safe(frame.node)) {
                    for (int i = 0; i < path.size() - 1; i++) {
                        path.get(i).close();
                    }
                    path.subList(0, path.size() - 1).clear();
                }
                node = frame.node;
            }
            int level = path.size() - 1;
            Node leaf = node;
            int i = leaf.search(change.key);
            Edit edit;
            if (change.cell == null) {
                if (i < 0) {
                    return;
                }
                takeOld(tx, change, leaf, i);
                edit = Edit.remove(i);
            } else if (i >= 0) {
                takeOld(tx, change, leaf, i);
                edit = Edit.replace(i, change.cell);
            } else {
                edit = Edit.insert(-i - 1, change.cell);
            }
            change.stored = change.cell != null;
            while (edit != null) {
                edit = apply(tx, path, level, edit, change);
                path.get(level).close();
                level--;
            }
        } finally {
            for (Frame frame : path) {
                frame.close();
            }
        }
    }

    /** An inner node (not the root) that can take or lose one maximal cell without splitting or underflowing. */
    private boolean safe(Node node) {
        int used = node.used();
        return used + geometry.maxCell() <= geometry.capacity() && used - geometry.maxCell() >= geometry.minFill();
    }

    /** Applies {@code edit} to the node at {@code path[level]}; returns what its parent must do, or {@code null}. */
    private Edit apply(IndexTransaction tx, List<Frame> path, int level, Edit edit, Change change) {
        Node node = path.get(level).node;
        boolean root = node.id == rootId;
        boolean fits = switch (edit.kind()) {
            case INSERT -> node.free() >= edit.cell().length + Node.SLOT;
            case REMOVE -> true;
            case REPLACE -> node.free() + node.cellSize(edit.index()) >= edit.cell().length;
        };
        if (!fits) {
            List<byte[]> cells = node.cells();
            edit.applyTo(cells);
            if (root) {
                splitRoot(tx, node, cells);
                return null;
            }
            return split(tx, path, level, cells, edit.index());
        }
        switch (edit.kind()) {
            case INSERT -> node.insertCell(edit.index(), edit.cell());
            case REMOVE -> node.removeSlots(edit.index(), edit.index() + 1);
            case REPLACE -> node.replaceCell(edit.index(), edit.cell());
            default -> throw new IllegalStateException();
        }
        if (root) {
            if (!node.isLeaf() && node.count() == 0) {
                collapseRoot(tx, node, change);
            }
            return null;
        }
        if (node.used() >= geometry.minFill()) {
            return null;
        }
        return rebalance(tx, path, level, change);
    }

    private Frame parentOf(List<Frame> path, int level, Node node) {
        if (level == 0) {
            throw new IllegalStateException("B+ tree bug in '" + name + "': page " + node.id
                    + " must split or rebalance but its parent was released as safe");
        }
        return path.get(level - 1);
    }

    private Node allocateNode(IndexTransaction tx) {
        return new Node(pages.allocate(tx), geometry.usable());
    }

    /** The first index whose cell takes the running total of slots and cells past half: the split point. */
    static int balancePoint(List<byte[]> cells, int min, int max) {
        long total = 0;
        for (byte[] c : cells) {
            total += c.length + Node.SLOT;
        }
        long prefix = 0;
        int m = cells.size() - 1;
        for (int i = 0; i < cells.size(); i++) {
            prefix += cells.get(i).length + Node.SLOT;
            if (prefix * 2 > total) {
                m = i;
                break;
            }
        }
        return Math.max(min, Math.min(max, m));
    }

    /**
     * The split point for an insertion at the right end of the rightmost node, the pattern of an ascending load:
     * the highest index (at most {@code max}) that leaves the cells from it on at least {@code minFill} bytes.
     * The new right sibling then starts minimally filled and fills up with the next keys, while the left node
     * stays nearly full, instead of every node of a sequential load ending half empty.
     */
    static int appendPoint(List<byte[]> cells, int minFill, int max) {
        long suffix = 0;
        for (int i = cells.size() - 1; i > 0; i--) {
            suffix += cells.get(i).length + Node.SLOT;
            if (suffix >= minFill) {
                return Math.min(max, i);
            }
        }
        return 1;
    }

    /**
     * Splits the node at {@code path[level]} whose cells, after the edit at {@code editIndex}, are {@code cells}:
     * the node keeps the left part, a new right sibling takes the rest. Returns the parent's insertion.
     */
    private Edit split(IndexTransaction tx, List<Frame> path, int level, List<byte[]> cells, int editIndex) {
        Node node = path.get(level).node;
        Frame parent = parentOf(path, level, node);
        boolean leaf = node.isLeaf();
        int size = cells.size();
        byte[] separator;
        long newId;
        try (Node sibling = allocateNode(tx)) {
            newId = sibling.id;
            if (leaf) {
                long right = node.right();
                int m = balancePoint(cells, 1, size - 1);
                if (editIndex == size - 1 && right == Node.NONE) {
                    m = Math.max(m, appendPoint(cells, geometry.minFill(), size - 1));
                }
                sibling.format(Node.LEAF, 0, node.id, right, Node.NONE, 0, cells.subList(m, size));
                keepPrefix(node, cells, m, editIndex);
                node.setLinks(node.left(), newId);
                if (right != Node.NONE) {
                    try (Node next = pinNode(tx, right, Latch.EXCLUSIVE, null, node.id)) {
                        next.setLinks(newId, next.right());
                    }
                }
                separator = Keys.separator(Node.cellKey(cells.get(m - 1), true), Node.cellKey(cells.get(m), true));
            } else {
                int m = balancePoint(cells, 1, size - 2);
                if (editIndex == size - 1) {
                    // The sibling takes the cells after the middle one, which moves up.
                    m = Math.max(m, Math.min(size - 2, appendPoint(cells, geometry.minFill(), size - 1) - 1));
                }
                byte[] middle = cells.get(m);
                sibling.format(Node.INNER, node.level(), Node.NONE, Node.NONE, Node.innerCellChild(middle), 0,
                        cells.subList(m + 1, size));
                keepPrefix(node, cells, m, editIndex);
                separator = Node.cellKey(middle, false);
            }
        }
        splits.increment();
        return Edit.insert(parent.index, Node.innerCell(separator, newId));
    }

    /** Leaves the node with {@code cells[0, m)}: a truncation when the edit lies to the right, else a rebuild. */
    private static void keepPrefix(Node node, List<byte[]> cells, int m, int editIndex) {
        if (editIndex >= m) {
            node.removeSlots(m, node.count());
        } else {
            node.rebuild(new ArrayList<>(cells.subList(0, m)));
        }
    }

    private void splitRoot(IndexTransaction tx, Node root, List<byte[]> cells) {
        int size = cells.size();
        byte[] separator;
        long rightId;
        long leftId;
        try (Node left = allocateNode(tx); Node right = allocateNode(tx)) {
            leftId = left.id;
            rightId = right.id;
            if (root.isLeaf()) {
                int m = balancePoint(cells, 1, size - 1);
                left.format(Node.LEAF, 0, Node.NONE, rightId, Node.NONE, 0, cells.subList(0, m));
                right.format(Node.LEAF, 0, leftId, Node.NONE, Node.NONE, 0, cells.subList(m, size));
                separator = Keys.separator(Node.cellKey(cells.get(m - 1), true), Node.cellKey(cells.get(m), true));
            } else {
                int m = balancePoint(cells, 1, size - 2);
                byte[] middle = cells.get(m);
                left.format(Node.INNER, root.level(), Node.NONE, Node.NONE, root.child0(), 0, cells.subList(0, m));
                right.format(Node.INNER, root.level(), Node.NONE, Node.NONE, Node.innerCellChild(middle), 0,
                        cells.subList(m + 1, size));
                separator = Node.cellKey(middle, false);
            }
        }
        if (root.level() + 1 > 255) {
            throw new IllegalStateException("B+ tree '" + name + "' cannot grow past 256 levels");
        }
        root.format(Node.INNER, root.level() + 1, Node.NONE, Node.NONE, leftId, root.version() + 1,
                List.of(Node.innerCell(separator, rightId)));
        splits.increment();
    }

    /** The root lost its last separator: it takes the content of its only child, which is freed. */
    private void collapseRoot(IndexTransaction tx, Node root, Change change) {
        try (Node child = pinNode(tx, root.child0(), Latch.EXCLUSIVE, null, root.id)) {
            List<byte[]> cells = child.cells();
            root.format((byte) child.type(), child.level(), Node.NONE, Node.NONE,
                    child.isLeaf() ? Node.NONE : child.child0(), root.version() + 1, cells);
            child.markDead();
            change.dead.add(child.id);
        }
        merges.increment();
    }

    /**
     * The node at {@code path[level]} fell below the minimum fill: merge it with a sibling under the same parent
     * when both fit one node, else move cells over from the sibling. Returns the parent's removal or
     * replacement of their separator.
     */
    private Edit rebalance(IndexTransaction tx, List<Frame> path, int level, Change change) {
        Frame frame = path.get(level);
        Frame parentFrame = parentOf(path, level, frame.node);
        Node parent = parentFrame.node;
        int index = parentFrame.index;
        boolean leaf = frame.node.isLeaf();
        Node left;
        Node right;
        int separatorSlot;
        if (index > 0) {
            long leftId = parent.child(index - 1);
            if (leaf) {
                // Latch order among leaves is left to right: let go of this leaf, take its left sibling, then it.
                long id = frame.node.id;
                frame.node.close();
                frame.node = null;
                frame.sibling = pinNode(tx, leftId, Latch.EXCLUSIVE, null, parent.id);
                frame.node = pinNode(tx, id, Latch.EXCLUSIVE, null, parent.id);
            } else {
                frame.sibling = pinNode(tx, leftId, Latch.EXCLUSIVE, null, parent.id);
            }
            left = frame.sibling;
            right = frame.node;
            separatorSlot = index - 1;
        } else {
            frame.sibling = pinNode(tx, parent.child(1), Latch.EXCLUSIVE, null, parent.id);
            left = frame.node;
            right = frame.sibling;
            separatorSlot = 0;
        }
        checkChild(parent, left);
        checkChild(parent, right);
        if (leaf) {
            if (left.used() + right.used() <= geometry.capacity()) {
                mergeLeaves(tx, left, right);
                change.dead.add(right.id);
                merges.increment();
                return Edit.remove(separatorSlot);
            }
            byte[] separator = redistributeLeaves(left, right);
            redistributions.increment();
            return Edit.replace(separatorSlot, Node.innerCell(separator, right.id));
        }
        byte[] separatorCell = Node.innerCell(parent.key(separatorSlot), right.child0());
        if (left.used() + right.used() + separatorCell.length + Node.SLOT <= geometry.capacity()) {
            List<byte[]> moved = new ArrayList<>(right.count() + 1);
            moved.add(separatorCell);
            moved.addAll(right.cells());
            left.addCells(moved, false);
            right.markDead();
            change.dead.add(right.id);
            merges.increment();
            return Edit.remove(separatorSlot);
        }
        byte[] separator = redistributeInner(left, right, separatorCell);
        redistributions.increment();
        return Edit.replace(separatorSlot, Node.innerCell(separator, right.id));
    }

    private void mergeLeaves(IndexTransaction tx, Node left, Node right) {
        left.addCells(right.cells(), false);
        long next = right.right();
        left.setLinks(left.left(), next);
        if (next != Node.NONE) {
            try (Node after = pinNode(tx, next, Latch.EXCLUSIVE, null, right.id)) {
                after.setLinks(left.id, after.right());
            }
        }
        right.markDead();
    }

    private static byte[] redistributeLeaves(Node left, Node right) {
        List<byte[]> l = left.cells();
        List<byte[]> all = new ArrayList<>(l);
        all.addAll(right.cells());
        int ls = l.size();
        int m = balancePoint(all, 1, all.size() - 1);
        if (m == ls) {
            m = left.used() < right.used() ? m + 1 : m - 1;
        }
        if (m < ls) {
            right.addCells(all.subList(m, ls), true);
            left.removeSlots(m, ls);
        } else {
            left.addCells(all.subList(ls, m), false);
            right.removeSlots(0, m - ls);
        }
        left.bumpVersion();
        right.bumpVersion();
        return Keys.separator(Node.cellKey(all.get(m - 1), true), Node.cellKey(all.get(m), true));
    }

    private static byte[] redistributeInner(Node left, Node right, byte[] separatorCell) {
        List<byte[]> l = left.cells();
        int ls = l.size();
        List<byte[]> all = new ArrayList<>(l);
        all.add(separatorCell);
        all.addAll(right.cells());
        int m = balancePoint(all, 1, all.size() - 2);
        if (m == ls) {
            m = left.used() < right.used() ? m + 1 : m - 1;
        }
        byte[] middle = all.get(m);
        if (m < ls) {
            right.addCells(all.subList(m + 1, ls + 1), true);
            right.setChild0(Node.innerCellChild(middle));
            left.removeSlots(m, ls);
        } else {
            left.addCells(all.subList(ls, m), false);
            right.setChild0(Node.innerCellChild(middle));
            right.removeSlots(0, m - ls);
        }
        return Node.cellKey(middle, false);
    }

    // ================================================================ verification

    /**
     * Checks the whole tree: node headers and cell areas, key order within and across nodes (separators bound
     * their subtrees), equal leaf depth, minimum fill of every node but the root, sibling links of the leaf
     * chain, overflow chains (type, lengths, page count) and that no page is used twice. Pages that cannot be
     * read are reported with their id. Expects no concurrent writers.
     *
     * @return what the tree holds, when it is sound
     * @throws StorageException {@code STORAGE_CORRUPT} listing every problem found, each naming its page
     */
    public VerifyReport verify(IndexTransaction transaction) {
        return new Verifier(this, transaction).run();
    }

    // ================================================================ helpers

    private void checkKey(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length > geometry.maxKeyBytes()) {
            throw new IllegalArgumentException("A key of " + key.length + " bytes is longer than the "
                    + geometry.maxKeyBytes() + " bytes index '" + name + "' accepts with " + geometry.usable()
                    + " usable bytes per page.");
        }
    }

    /** Pins a page without checking what it holds. */
    Node pin(IndexTransaction tx, long pageId, Latch latch) {
        PageHandle handle = pages.pin(tx, pageId, latch);
        return new Node(handle, geometry.usable());
    }

    /**
     * Pins a page that must be a live node of this tree. On any failure {@code toClose} (the latched parent of a
     * coupling step, or {@code null}) is released too; {@code from} names the page that pointed here.
     */
    Node pinNode(IndexTransaction tx, long pageId, Latch latch, Node toClose, long from) {
        Node node;
        try {
            node = pin(tx, pageId, latch);
        } catch (RuntimeException e) {
            if (toClose != null) {
                toClose.close();
            }
            if (e instanceof StorageException) {
                throw e;
            }
            throw new StorageException(ErrorCode.STORAGE_CORRUPT, "B+ tree '" + name + "': page " + pageId
                    + (from == Node.NONE ? "" : " (linked from page " + from + ")") + " cannot be read: "
                    + e.getMessage(), "Restore the database from a backup, or rebuild the index.", e);
        }
        String problem = node.headerProblem();
        if (problem != null) {
            boolean format = (node.type() == Node.LEAF || node.type() == Node.INNER)
                    && node.formatVersion() != Node.FORMAT_VERSION;
            node.close();
            if (toClose != null) {
                toClose.close();
            }
            if (format) {
                throw new StorageException(ErrorCode.STORAGE_FORMAT_MISMATCH, "B+ tree '" + name + "': page " + pageId
                        + " " + problem + ".", "Open the database with the NeuroQuantumDB version that wrote it.");
            }
            throw corrupt(pageId, problem + (from == Node.NONE ? "" : " (linked from page " + from + ")"));
        }
        return node;
    }

    /** A child must be one level below its parent, and a leaf exactly at level 0. */
    private void checkChild(Node parent, Node child) {
        if (child.level() != parent.level() - 1 || child.isLeaf() != (child.level() == 0)) {
            String what = "is a " + (child.isLeaf() ? "leaf" : "inner node") + " at level " + child.level()
                    + " below page " + parent.id + " at level " + parent.level();
            child.close();
            parent.close();
            throw corrupt(child.id, what);
        }
    }

    StorageException corrupt(long pageId, String what) {
        return new StorageException(ErrorCode.STORAGE_CORRUPT,
                "B+ tree '" + name + "' is damaged: page " + pageId + " " + what + ".",
                "Restore the database from a backup, or rebuild the index.");
    }
}
