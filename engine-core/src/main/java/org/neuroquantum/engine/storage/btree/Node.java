package org.neuroquantum.engine.storage.btree;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.neuroquantum.spi.index.PageHandle;

/**
 * A B+ tree node (format version 1) in the usable area of a pinned page: reads through
 * {@link PageHandle#content()}, writes only through {@link PageHandle#update} and only the bytes that change.
 * Little-endian throughout.
 *
 * <pre>
 * node header (40 bytes)
 *  0  u8  node type: 1 leaf, 2 inner, 4 dead (unlinked, about to be freed); 3 is an overflow page
 *  1  u8  format version (1)
 *  2  u8  level (0 for leaves, parent = child + 1)
 *  3  u8  flags (0)
 *  4  u16 key count n
 *  6  u16 cell area start: cells occupy [start, usable)
 *  8  u16 fragmented bytes: free bytes inside the cell area
 * 10  u16 reserved (0)
 * 12  u32 structure version: incremented by every split, merge, redistribution or link change
 * 16  u64 left sibling (leaves; -1 none / inner nodes)
 * 24  u64 right sibling (leaves; -1 none / inner nodes)
 * 32  u64 leftmost child (inner nodes; -1 in leaves)
 * 40  u16[n] slots: cell offsets in key order
 *
 * leaf cell:  u16 key length k, u8 flags (0 inline, 1 overflow), u32 value length v, key[k],
 *             then value[v] (inline) or u64 first overflow page (overflow)
 * inner cell: u16 key length k, u64 child page, key[k]   (the child holds keys &gt;= key)
 * </pre>
 *
 * Not thread-safe: it belongs to the thread holding the page's latch.
 */
final class Node implements AutoCloseable {
    static final byte LEAF = 1;
    static final byte INNER = 2;
    static final byte OVERFLOW = 3;
    static final byte DEAD = 4;
    static final int FORMAT_VERSION = 1;

    static final int TYPE = 0;
    static final int FORMAT = 1;
    static final int LEVEL = 2;
    static final int COUNT = 4;
    static final int CELL_START = 6;
    static final int FRAGMENTED = 8;
    static final int VERSION = 12;
    static final int LEFT = 16;
    static final int RIGHT = 24;
    static final int CHILD0 = 32;
    static final int HEADER = 40;
    static final int SLOT = 2;

    static final int LEAF_CELL_HEADER = 7;
    static final int INNER_CELL_HEADER = 10;
    static final int OVERFLOW_POINTER = 8;
    static final byte INLINE_VALUE = 0;
    static final byte OVERFLOW_VALUE = 1;

    /** No page (sibling or child links). */
    static final long NONE = -1L;

    final PageHandle handle;
    final long id;
    private final ByteBuffer b;
    private final int usable;
    private boolean closed;

    Node(PageHandle handle, int usable) {
        this.handle = handle;
        this.id = handle.pageId();
        this.b = handle.content().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.usable = usable;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            handle.close();
        }
    }

    // ---------------------------------------------------------------- header

    int type() {
        return b.get(TYPE);
    }

    int formatVersion() {
        return b.get(FORMAT) & 0xFF;
    }

    boolean isLeaf() {
        return b.get(TYPE) == LEAF;
    }

    int level() {
        return b.get(LEVEL) & 0xFF;
    }

    int count() {
        return b.getShort(COUNT) & 0xFFFF;
    }

    int cellStart() {
        return b.getShort(CELL_START) & 0xFFFF;
    }

    int fragmented() {
        return b.getShort(FRAGMENTED) & 0xFFFF;
    }

    int version() {
        return b.getInt(VERSION);
    }

    long left() {
        return b.getLong(LEFT);
    }

    long right() {
        return b.getLong(RIGHT);
    }

    long child0() {
        return b.getLong(CHILD0);
    }

    int slot(int i) {
        return b.getShort(HEADER + SLOT * i) & 0xFFFF;
    }

    /** Bytes between the slot array and the cell area. */
    int contiguousFree() {
        return cellStart() - HEADER - SLOT * count();
    }

    /** Free bytes, contiguous or fragmented. */
    int free() {
        return contiguousFree() + fragmented();
    }

    /** Bytes of slots and cells in use. */
    int used() {
        return usable - HEADER - free();
    }

    /**
     * Whether the header is plausible: a leaf or inner node of this format whose slot array and cell area lie
     * inside the page. Returns a description of the first problem, or {@code null}.
     */
    String headerProblem() {
        int type = type();
        if (type != LEAF && type != INNER) {
            return type == DEAD ? "is a dead node (unlinked, awaiting free)"
                    : type == OVERFLOW ? "is an overflow page, not a node" : "has node type " + type + ", not a B+ tree node";
        }
        if (formatVersion() != FORMAT_VERSION) {
            return "has B+ tree format version " + formatVersion() + ", expected " + FORMAT_VERSION;
        }
        int start = cellStart();
        if (start > usable || HEADER + SLOT * count() > start) {
            return "has " + count() + " slots and cell area start " + start + ", which do not fit a " + usable
                    + "-byte page";
        }
        if (fragmented() > usable - start) {
            return "counts " + fragmented() + " fragmented bytes in a cell area of " + (usable - start);
        }
        return null;
    }

    // ---------------------------------------------------------------- cells

    private int keyHeader() {
        return isLeaf() ? LEAF_CELL_HEADER : INNER_CELL_HEADER;
    }

    int keyLength(int i) {
        return b.getShort(slot(i)) & 0xFFFF;
    }

    byte[] key(int i) {
        int off = slot(i);
        byte[] key = new byte[b.getShort(off) & 0xFFFF];
        b.get(off + keyHeader(), key);
        return key;
    }

    /** Compares the key at slot {@code i} with {@code key} (unsigned lexicographic). */
    int compareKey(int i, byte[] key) {
        int off = slot(i);
        int length = b.getShort(off) & 0xFFFF;
        int pos = off + keyHeader();
        int n = Math.min(length, key.length);
        for (int j = 0; j < n; j++) {
            int x = b.get(pos + j) & 0xFF;
            int y = key[j] & 0xFF;
            if (x != y) {
                return x - y;
            }
        }
        return length - key.length;
    }

    /** The slot holding {@code key}, or {@code -(insertion point) - 1}. */
    int search(byte[] key) {
        int low = 0;
        int high = count() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = compareKey(mid, key);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    /** How many keys are {@code <= key} (inclusive) or {@code < key}: the index of the child to follow. */
    int childIndex(byte[] key, boolean inclusive) {
        int low = 0;
        int high = count();
        while (low < high) {
            int mid = (low + high) >>> 1;
            int c = compareKey(mid, key);
            if (c < 0 || (c == 0 && inclusive)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Child {@code index} (0 to {@link #count()}) of an inner node. */
    long child(int index) {
        return index == 0 ? child0() : b.getLong(slot(index - 1) + SLOT);
    }

    int cellSize(int i) {
        return cellSizeAt(slot(i));
    }

    private int cellSizeAt(int off) {
        int keyLength = b.getShort(off) & 0xFFFF;
        if (!isLeaf()) {
            return INNER_CELL_HEADER + keyLength;
        }
        return LEAF_CELL_HEADER + keyLength + (b.get(off + 2) == OVERFLOW_VALUE ? OVERFLOW_POINTER : b.getInt(off + 3));
    }

    byte[] cell(int i) {
        int off = slot(i);
        byte[] cell = new byte[cellSizeAt(off)];
        b.get(off, cell);
        return cell;
    }

    /** Every cell, in key order. */
    List<byte[]> cells() {
        int n = count();
        List<byte[]> cells = new ArrayList<>(n + 1);
        for (int i = 0; i < n; i++) {
            cells.add(cell(i));
        }
        return cells;
    }

    boolean isOverflowValue(int i) {
        return b.get(slot(i) + 2) == OVERFLOW_VALUE;
    }

    int leafCellFlags(int i) {
        return b.get(slot(i) + 2);
    }

    int valueLength(int i) {
        return b.getInt(slot(i) + 3);
    }

    /** The first overflow page of the value at slot {@code i}, or {@link #NONE} when it is inline. */
    long overflowPage(int i) {
        int off = slot(i);
        if (b.get(off + 2) != OVERFLOW_VALUE) {
            return NONE;
        }
        return b.getLong(off + LEAF_CELL_HEADER + (b.getShort(off) & 0xFFFF));
    }

    byte[] inlineValue(int i) {
        int off = slot(i);
        byte[] value = new byte[b.getInt(off + 3)];
        b.get(off + LEAF_CELL_HEADER + (b.getShort(off) & 0xFFFF), value);
        return value;
    }

    // ---------------------------------------------------------------- cell encodings

    static byte[] leafCell(byte[] key, byte[] value) {
        ByteBuffer c = ByteBuffer.allocate(LEAF_CELL_HEADER + key.length + value.length).order(ByteOrder.LITTLE_ENDIAN);
        c.putShort((short) key.length).put(INLINE_VALUE).putInt(value.length).put(key).put(value);
        return c.array();
    }

    static byte[] overflowCell(byte[] key, int valueLength, long firstPage) {
        ByteBuffer c = ByteBuffer.allocate(LEAF_CELL_HEADER + key.length + OVERFLOW_POINTER).order(ByteOrder.LITTLE_ENDIAN);
        c.putShort((short) key.length).put(OVERFLOW_VALUE).putInt(valueLength).put(key).putLong(firstPage);
        return c.array();
    }

    static byte[] innerCell(byte[] key, long child) {
        ByteBuffer c = ByteBuffer.allocate(INNER_CELL_HEADER + key.length).order(ByteOrder.LITTLE_ENDIAN);
        c.putShort((short) key.length).putLong(child).put(key);
        return c.array();
    }

    static byte[] cellKey(byte[] cell, boolean leaf) {
        int length = (cell[0] & 0xFF) | (cell[1] & 0xFF) << 8;
        int from = leaf ? LEAF_CELL_HEADER : INNER_CELL_HEADER;
        byte[] key = new byte[length];
        System.arraycopy(cell, from, key, 0, length);
        return key;
    }

    static long innerCellChild(byte[] cell) {
        return ByteBuffer.wrap(cell).order(ByteOrder.LITTLE_ENDIAN).getLong(2);
    }

    // ---------------------------------------------------------------- changes (each an update of the bytes that change)

    private void update(int offset, byte[] bytes) {
        handle.update(offset, ByteBuffer.wrap(bytes));
    }

    private static byte[] u16(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8)};
    }

    private static byte[] u64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    private void writeCounts(int count, int cellStart, int fragmented) {
        if (count == 0) {
            cellStart = usable;
            fragmented = 0;
        }
        ByteBuffer h = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN);
        h.putShort((short) count).putShort((short) cellStart).putShort((short) fragmented);
        update(COUNT, h.array());
    }

    private static byte[] slotBytes(int[] offsets, int from, int to) {
        byte[] s = new byte[SLOT * (to - from)];
        for (int i = from; i < to; i++) {
            s[SLOT * (i - from)] = (byte) offsets[i];
            s[SLOT * (i - from) + 1] = (byte) (offsets[i] >>> 8);
        }
        return s;
    }

    private byte[] currentSlots(int from, int to) {
        byte[] s = new byte[SLOT * (to - from)];
        b.get(HEADER + SLOT * from, s);
        return s;
    }

    /**
     * Writes a fresh node: header, slots and cells (two updates, skipping the free gap). For new pages and for
     * rewriting the root in place.
     */
    void format(byte type, int level, long left, long right, long child0, int version, List<byte[]> cells) {
        int total = 0;
        for (byte[] c : cells) {
            total += c.length;
        }
        int n = cells.size();
        int start = usable - total;
        if (HEADER + SLOT * n > start) {
            throw new IllegalStateException("B+ tree bug: " + n + " cells of " + total + " bytes do not fit page " + id);
        }
        ByteBuffer h = ByteBuffer.allocate(HEADER + SLOT * n).order(ByteOrder.LITTLE_ENDIAN);
        h.put(TYPE, type).put(FORMAT, (byte) FORMAT_VERSION).put(LEVEL, (byte) level)
                .putShort(COUNT, (short) n).putShort(CELL_START, (short) start).putShort(FRAGMENTED, (short) 0)
                .putInt(VERSION, version).putLong(LEFT, left).putLong(RIGHT, right).putLong(CHILD0, child0);
        byte[] area = new byte[total];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            byte[] c = cells.get(i);
            h.putShort(HEADER + SLOT * i, (short) (start + pos));
            System.arraycopy(c, 0, area, pos, c.length);
            pos += c.length;
        }
        update(0, h.array());
        if (total > 0) {
            update(start, area);
        }
    }

    /** Rewrites slots and cells compactly (no fragmented bytes); the rest of the header is kept. */
    void rebuild(List<byte[]> cells) {
        int total = 0;
        for (byte[] c : cells) {
            total += c.length;
        }
        int n = cells.size();
        int start = usable - total;
        if (HEADER + SLOT * n > start) {
            throw new IllegalStateException("B+ tree bug: " + n + " cells of " + total + " bytes do not fit page " + id);
        }
        byte[] area = new byte[total];
        int[] offsets = new int[n];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            byte[] c = cells.get(i);
            offsets[i] = start + pos;
            System.arraycopy(c, 0, area, pos, c.length);
            pos += c.length;
        }
        if (total > 0) {
            update(start, area);
        }
        if (n > 0) {
            update(HEADER, slotBytes(offsets, 0, n));
        }
        writeCounts(n, start, 0);
    }

    /** Inserts {@code cell} at slot {@code i}; the caller made sure {@code free() >= cell.length + SLOT}. */
    void insertCell(int i, byte[] cell) {
        int n = count();
        if (contiguousFree() < cell.length + SLOT) {
            List<byte[]> all = cells();
            all.add(i, cell);
            rebuild(all);
            return;
        }
        int start = cellStart() - cell.length;
        update(start, cell);
        byte[] s = new byte[SLOT * (n - i + 1)];
        s[0] = (byte) start;
        s[1] = (byte) (start >>> 8);
        b.get(HEADER + SLOT * i, s, SLOT, SLOT * (n - i));
        update(HEADER + SLOT * i, s);
        writeCounts(n + 1, start, fragmented());
    }

    /** Replaces the cell at slot {@code i}; the caller made sure {@code free() + cellSize(i) >= cell.length}. */
    void replaceCell(int i, byte[] cell) {
        int n = count();
        int off = slot(i);
        int old = cellSizeAt(off);
        if (cell.length <= old) {
            update(off, cell);
            if (cell.length < old) {
                writeCounts(n, cellStart(), fragmented() + old - cell.length);
            }
        } else if (contiguousFree() >= cell.length) {
            int start = cellStart() - cell.length;
            update(start, cell);
            update(HEADER + SLOT * i, u16(start));
            writeCounts(n, start, fragmented() + old);
        } else {
            List<byte[]> all = cells();
            all.set(i, cell);
            rebuild(all);
        }
    }

    /** Removes slots {@code [from, to)}; their cells become fragmented bytes. */
    void removeSlots(int from, int to) {
        int n = count();
        if (from >= to) {
            return;
        }
        int removed = 0;
        for (int i = from; i < to; i++) {
            removed += cellSize(i);
        }
        if (to < n) {
            update(HEADER + SLOT * from, currentSlots(to, n));
        }
        writeCounts(n - (to - from), cellStart(), fragmented() + removed);
    }

    /**
     * Adds {@code cells} before the first slot ({@code front}) or after the last one; they must sort there. The
     * caller made sure they fit ({@code free()}).
     */
    void addCells(List<byte[]> cells, boolean front) {
        if (cells.isEmpty()) {
            return;
        }
        int n = count();
        int k = cells.size();
        int total = 0;
        for (byte[] c : cells) {
            total += c.length;
        }
        if (contiguousFree() < total + SLOT * k) {
            List<byte[]> all = new ArrayList<>(n + k);
            if (front) {
                all.addAll(cells);
                all.addAll(cells());
            } else {
                all.addAll(cells());
                all.addAll(cells);
            }
            rebuild(all);
            return;
        }
        int start = cellStart() - total;
        byte[] area = new byte[total];
        int[] offsets = new int[k];
        int pos = 0;
        for (int i = 0; i < k; i++) {
            byte[] c = cells.get(i);
            offsets[i] = start + pos;
            System.arraycopy(c, 0, area, pos, c.length);
            pos += c.length;
        }
        update(start, area);
        if (front) {
            byte[] s = new byte[SLOT * (k + n)];
            System.arraycopy(slotBytes(offsets, 0, k), 0, s, 0, SLOT * k);
            b.get(HEADER, s, SLOT * k, SLOT * n);
            update(HEADER, s);
        } else {
            update(HEADER + SLOT * n, slotBytes(offsets, 0, k));
        }
        writeCounts(n + k, start, fragmented());
    }

    /** Sets both sibling links and increments the structure version (one update). */
    void setLinks(long left, long right) {
        ByteBuffer h = ByteBuffer.allocate(RIGHT + 8 - VERSION).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(version() + 1).putLong(left).putLong(right);
        update(VERSION, h.array());
    }

    void bumpVersion() {
        update(VERSION, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(version() + 1).array());
    }

    void setChild0(long child) {
        update(CHILD0, u64(child));
    }

    /** Marks an unlinked node dead (type and version in one update) before it is freed. */
    void markDead() {
        byte[] h = new byte[VERSION + 4];
        b.get(0, h);
        h[TYPE] = DEAD;
        ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN).putInt(VERSION, version() + 1);
        update(0, h);
    }
}
