package org.neuroquantum.engine.storage.btree;

/**
 * The sizes of format version 1 that follow from the usable bytes of a page. All sizes of a node count its
 * slot (2 bytes) together with its cell.
 *
 * <ul>
 *   <li>{@link #capacity()}: bytes for slots and cells, the usable area minus the 40-byte node header.</li>
 *   <li>{@link #maxCell()}: the largest slot plus cell, a quarter of the capacity, so any two halves of an
 *   overfull node fit a node each and each holds at least {@link #minFill()}.</li>
 *   <li>{@link #minFill()}: a node other than the root holds at least this many bytes of slots and cells.</li>
 *   <li>{@link #maxKeyBytes()}: the longest key; a leaf cell with that key and an overflow pointer is exactly
 *   {@link #maxCell()}.</li>
 *   <li>A value is stored inline when its slot and cell fit {@link #maxCell()}; otherwise it goes to a chain of
 *   overflow pages of {@link #overflowChunk()} data bytes each.</li>
 * </ul>
 */
record Geometry(int usable) {
    /** The smallest usable area this format supports. */
    static final int MIN_USABLE = 1024;

    Geometry {
        if (usable < MIN_USABLE || usable > 0xFFFF) {
            throw new IllegalArgumentException("a B+ tree page needs between " + MIN_USABLE + " and 65535 usable bytes, not "
                    + usable);
        }
    }

    int capacity() {
        return usable - Node.HEADER;
    }

    int maxCell() {
        return capacity() / 4;
    }

    int minFill() {
        return capacity() / 4;
    }

    int maxKeyBytes() {
        return maxCell() - Node.SLOT - Node.LEAF_CELL_HEADER - Node.OVERFLOW_POINTER;
    }

    int overflowChunk() {
        return usable - Overflow.HEADER;
    }

    /** Whether a value of {@code valueLength} bytes under a key of {@code keyLength} bytes is stored in the leaf. */
    boolean inline(int keyLength, int valueLength) {
        return (long) Node.SLOT + Node.LEAF_CELL_HEADER + keyLength + valueLength <= maxCell();
    }
}
