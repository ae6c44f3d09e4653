package org.neuroquantum.engine.storage.btree;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;
import org.neuroquantum.spi.index.IndexTransaction;
import org.neuroquantum.spi.index.PageAccess;
import org.neuroquantum.spi.index.PageHandle;

/**
 * The checks of {@link BTree#verify}: a depth-first walk holding one node (and one overflow page) latched at a
 * time, collecting every problem with its page.
 */
final class Verifier {
    private static final int MAX_REPORTED = 50;

    private final BTree tree;
    private final IndexTransaction tx;
    private final Geometry g;
    private final List<String> problems = new ArrayList<>();
    private final Set<Long> seen = new HashSet<>();
    /** Leaves in key order: id, left link, right link. */
    private final List<long[]> leaves = new ArrayList<>();
    private int leafDepth = -1;
    private long entries;
    private long innerPages;
    private long overflowPages;
    private long usedBytes;
    /** Bytes of slots and cells of the node {@link #checkCells} looked at last, counted from the cells themselves. */
    private int nodeBytes;

    Verifier(BTree tree, IndexTransaction tx) {
        this.tree = tree;
        this.tx = tx;
        this.g = tree.geometry();
    }

    VerifyReport run() {
        long root = tree.rootPageId();
        visit(root, null, null, -1, 0, Node.NONE);
        checkLeafChain();
        if (!problems.isEmpty()) {
            int n = problems.size();
            String list = String.join("; ", problems.subList(0, Math.min(n, MAX_REPORTED)))
                    + (n > MAX_REPORTED ? "; and " + (n - MAX_REPORTED) + " more" : "");
            throw new StorageException(ErrorCode.STORAGE_CORRUPT, "B+ tree '" + tree.name() + "' (root page " + root
                    + ") failed verification with " + n + " problem" + (n == 1 ? "" : "s") + ": " + list + ".",
                    "Restore the database from a backup, or rebuild the index.");
        }
        long nodes = leaves.size() + innerPages;
        double fill = nodes == 0 ? 0 : 100.0 * usedBytes / ((double) nodes * g.capacity());
        return new VerifyReport(root, leafDepth + 1, entries, leaves.size(), innerPages, overflowPages, fill);
    }

    private void problem(long page, String what) {
        problems.add("page " + page + " " + what);
    }

    /**
     * Checks the subtree at {@code id}, whose keys must lie in {@code [low, high)} ({@code null}: unbounded) and
     * whose level must be {@code level} ({@code -1}: the root, any level).
     */
    private void visit(long id, byte[] low, byte[] high, int level, int depth, long parent) {
        String from = parent == Node.NONE ? "" : " (child of page " + parent + ")";
        if (!seen.add(id)) {
            problem(id, "is reached a second time" + from);
            return;
        }
        Node node;
        try {
            node = tree.pin(tx, id, PageAccess.Latch.SHARED);
        } catch (RuntimeException e) {
            problem(id, "cannot be read" + from + ": " + e.getMessage());
            return;
        }
        long[] children;
        byte[][] keys;
        try {
            String header = node.headerProblem();
            if (header != null) {
                problem(id, header + from);
                return;
            }
            boolean root = parent == Node.NONE;
            String kind = node.isLeaf() ? "leaf" : "inner node";
            if (level >= 0 && node.level() != level) {
                problem(id, "(" + kind + ") is at level " + node.level() + " but its parent expects level " + level + from);
            }
            if (node.isLeaf() != (node.level() == 0)) {
                problem(id, "is a " + kind + " at level " + node.level());
                return;
            }
            keys = checkCells(node, kind);
            if (keys == null) {
                return;
            }
            usedBytes += nodeBytes;
            int n = keys.length;
            for (int i = 1; i < n; i++) {
                if (Keys.compare(keys[i - 1], keys[i]) >= 0) {
                    problem(id, "(" + kind + "): keys out of order at slots " + (i - 1) + " and " + i + " ("
                            + Keys.hex(keys[i - 1]) + " is not below " + Keys.hex(keys[i]) + ")");
                }
            }
            for (int i = 0; i < n; i++) {
                if (low != null && Keys.compare(keys[i], low) < 0) {
                    problem(id, "(" + kind + "): key " + Keys.hex(keys[i]) + " at slot " + i
                            + " is below its lower bound " + Keys.hex(low) + " from the parent's separator" + from);
                }
                if (high != null && Keys.compare(keys[i], high) >= 0) {
                    problem(id, "(" + kind + "): key " + Keys.hex(keys[i]) + " at slot " + i
                            + " is not below its upper bound " + Keys.hex(high) + " from the parent's separator" + from);
                }
            }
            if (!root && nodeBytes < g.minFill()) {
                problem(id, "(" + kind + ") holds " + nodeBytes + " bytes of slots and cells, below the minimum fill of "
                        + g.minFill() + from);
            }
            if (!node.isLeaf() && n == 0) {
                problem(id, "(inner node) has no separator, so only one child" + from);
            }
            if (node.isLeaf()) {
                if (leafDepth < 0) {
                    leafDepth = depth;
                } else if (leafDepth != depth) {
                    problem(id, "(leaf) is at depth " + depth + " but other leaves are at depth " + leafDepth
                            + ": the tree is unbalanced");
                }
                leaves.add(new long[] {id, node.left(), node.right()});
                entries += n;
                checkValues(node);
                return;
            }
            innerPages++;
            if (node.left() != Node.NONE || node.right() != Node.NONE) {
                problem(id, "(inner node) has sibling links " + node.left() + "/" + node.right() + "; only leaves have them");
            }
            children = new long[n + 1];
            for (int i = 0; i <= n; i++) {
                children[i] = node.child(i);
            }
            level = node.level();
        } finally {
            node.close();
        }
        for (int i = 0; i < children.length; i++) {
            visit(children[i], i == 0 ? low : keys[i - 1], i == keys.length ? high : keys[i], level - 1, depth + 1, id);
        }
    }

    /** Checks the slots and cell area; returns the keys, or {@code null} when the cells cannot be trusted. */
    private byte[][] checkCells(Node node, String kind) {
        long id = node.id;
        int n = node.count();
        int start = node.cellStart();
        int usable = g.usable();
        boolean leaf = node.isLeaf();
        int header = leaf ? Node.LEAF_CELL_HEADER : Node.INNER_CELL_HEADER;
        int[][] extents = new int[n][];
        byte[][] keys = new byte[n][];
        boolean ok = true;
        for (int i = 0; i < n; i++) {
            int off = node.slot(i);
            if (off < start || off + header > usable) {
                problem(id, "(" + kind + "): slot " + i + " points to offset " + off + ", outside the cell area ["
                        + start + ", " + usable + ")");
                ok = false;
                continue;
            }
            if (leaf && node.leafCellFlags(i) != Node.INLINE_VALUE && node.leafCellFlags(i) != Node.OVERFLOW_VALUE) {
                problem(id, "(leaf): cell at slot " + i + " has value flags " + node.leafCellFlags(i));
                ok = false;
                continue;
            }
            int size = leaf && !node.isOverflowValue(i) && node.valueLength(i) < 0 ? -1 : node.cellSize(i);
            if (size < 0 || off + size > usable) {
                problem(id, "(" + kind + "): cell at slot " + i + " (offset " + off + ") runs past the end of the page");
                ok = false;
                continue;
            }
            extents[i] = new int[] {off, size};
            keys[i] = node.key(i);
            if (keys[i].length > g.maxKeyBytes()) {
                problem(id, "(" + kind + "): key at slot " + i + " has " + keys[i].length + " bytes, more than the limit of "
                        + g.maxKeyBytes());
            }
        }
        if (!ok) {
            return null;
        }
        int[][] sorted = extents.clone();
        Arrays.sort(sorted, (a, b) -> Integer.compare(a[0], b[0]));
        long cellBytes = 0;
        for (int i = 0; i < n; i++) {
            cellBytes += sorted[i][1];
            if (i > 0 && sorted[i - 1][0] + sorted[i - 1][1] > sorted[i][0]) {
                problem(id, "(" + kind + "): cells at offsets " + sorted[i - 1][0] + " and " + sorted[i][0] + " overlap");
                return null;
            }
        }
        nodeBytes = (int) cellBytes + Node.SLOT * n;
        if (cellBytes + node.fragmented() != usable - start) {
            problem(id, "(" + kind + "): cells take " + cellBytes + " bytes and " + node.fragmented()
                    + " are counted as fragmented, but the cell area has " + (usable - start));
        }
        return keys;
    }

    /** Checks inline value lengths and overflow chains of a leaf. */
    private void checkValues(Node leaf) {
        long id = leaf.id;
        for (int i = 0; i < leaf.count(); i++) {
            int keyLength = leaf.keyLength(i);
            int length = leaf.valueLength(i);
            boolean overflow = leaf.isOverflowValue(i);
            if (overflow == g.inline(keyLength, length)) {
                problem(id, "(leaf): the " + length + "-byte value at slot " + i + " is stored "
                        + (overflow ? "in overflow pages although it fits" : "inline although it is too large for")
                        + " the leaf");
            }
            if (overflow) {
                checkChain(id, i, leaf.overflowPage(i), length);
            }
        }
    }

    private void checkChain(long leaf, int slot, long first, int length) {
        int expected = Overflow.pagesFor(g, length);
        long page = first;
        long bytes = 0;
        int count = 0;
        while (page != Node.NONE && count <= expected) {
            if (!seen.add(page)) {
                problem(page, "(overflow, value at slot " + slot + " of leaf " + leaf + ") is reached a second time");
                return;
            }
            count++;
            overflowPages++;
            try (PageHandle h = tree.pages().pin(tx, page, PageAccess.Latch.SHARED)) {
                ByteBuffer b = h.content().duplicate().order(ByteOrder.LITTLE_ENDIAN);
                int chunk = b.getInt(Overflow.LENGTH);
                if (b.get(0) != Node.OVERFLOW || b.get(1) != Node.FORMAT_VERSION) {
                    problem(page, "(in the overflow chain of slot " + slot + " of leaf " + leaf + ") has page type "
                            + b.get(0) + " and format " + b.get(1) + ", not an overflow page of format 1");
                    return;
                }
                if (chunk <= 0 || chunk > g.overflowChunk()) {
                    problem(page, "(overflow, slot " + slot + " of leaf " + leaf + ") claims " + chunk + " data bytes");
                    return;
                }
                bytes += chunk;
                page = b.getLong(Overflow.NEXT);
            } catch (RuntimeException e) {
                problem(page, "(overflow, slot " + slot + " of leaf " + leaf + ") cannot be read: " + e.getMessage());
                return;
            }
        }
        if (count != expected || page != Node.NONE || bytes != length) {
            problem(leaf, "(leaf): the overflow chain of slot " + slot + " from page " + first + " has "
                    + (page != Node.NONE ? "more than " : "") + count + " pages and " + bytes + " bytes; a "
                    + length + "-byte value needs " + expected + " pages");
        }
    }

    private void checkLeafChain() {
        if (leaves.isEmpty()) {
            return;
        }
        long[] first = leaves.get(0);
        if (first[1] != Node.NONE) {
            problem(first[0], "(leaf) is the leftmost leaf but has left link " + first[1]);
        }
        for (int i = 1; i < leaves.size(); i++) {
            long[] a = leaves.get(i - 1);
            long[] b = leaves.get(i);
            if (a[2] != b[0]) {
                problem(a[0], "(leaf) has right link " + a[2] + " but the next leaf in key order is page " + b[0]);
            }
            if (b[1] != a[0]) {
                problem(b[0], "(leaf) has left link " + b[1] + " but the previous leaf in key order is page " + a[0]);
            }
        }
        long[] last = leaves.get(leaves.size() - 1);
        if (last[2] != Node.NONE) {
            problem(last[0], "(leaf) is the rightmost leaf but has right link " + last[2]);
        }
    }
}
