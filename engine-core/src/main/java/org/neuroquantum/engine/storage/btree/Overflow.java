package org.neuroquantum.engine.storage.btree;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;
import org.neuroquantum.spi.index.IndexTransaction;
import org.neuroquantum.spi.index.PageAccess;
import org.neuroquantum.spi.index.PageHandle;

/**
 * Chains of overflow pages holding values too large for a leaf. A chain is written before the leaf cell that
 * points to it and never changed afterwards; it is read only while the leaf is latched and freed only after the
 * cell is gone, so chain pages need no latching protocol of their own.
 *
 * <pre>
 * overflow page (usable area)
 *  0  u8  page type 3 (overflow)
 *  1  u8  format version (1)
 *  2  u16 reserved (0)
 *  4  u32 bytes of value data in this page (1 .. usable - 16)
 *  8  u64 next overflow page, -1 on the last page
 * 16  value data
 * </pre>
 */
final class Overflow {
    static final int HEADER = 16;
    static final int LENGTH = 4;
    static final int NEXT = 8;

    private Overflow() {
    }

    /** Pages a value of {@code length} bytes occupies. */
    static int pagesFor(Geometry geometry, long length) {
        return (int) ((length + geometry.overflowChunk() - 1) / geometry.overflowChunk());
    }

    /** Writes {@code value} to new pages, last chunk first, and returns the first page. */
    static long write(PageAccess pages, IndexTransaction tx, Geometry geometry, byte[] value) {
        int chunk = geometry.overflowChunk();
        int count = pagesFor(geometry, value.length);
        List<Long> written = new ArrayList<>(count);
        long next = Node.NONE;
        try {
            for (int p = count - 1; p >= 0; p--) {
                int from = p * chunk;
                int length = Math.min(chunk, value.length - from);
                ByteBuffer page = ByteBuffer.allocate(HEADER + length).order(ByteOrder.LITTLE_ENDIAN);
                page.put(0, Node.OVERFLOW).put(1, (byte) Node.FORMAT_VERSION).putInt(LENGTH, length).putLong(NEXT, next);
                page.put(HEADER, value, from, length);
                try (PageHandle h = pages.allocate(tx)) {
                    h.update(0, page);
                    next = h.pageId();
                }
                written.add(next);
            }
            return next;
        } catch (RuntimeException e) {
            for (long id : written) {
                try {
                    pages.free(tx, id);
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** Reads a value of {@code length} bytes starting at page {@code first}. */
    static byte[] read(PageAccess pages, IndexTransaction tx, Geometry geometry, String index, long leaf, long first,
            int length) {
        byte[] value = new byte[length];
        int pos = 0;
        long id = first;
        int expectedPages = pagesFor(geometry, length);
        for (int n = 0; n < expectedPages; n++) {
            if (id == Node.NONE) {
                throw corrupt(index, leaf, "its overflow chain from page " + first + " ends after " + n + " of "
                        + expectedPages + " pages (" + pos + " of " + length + " bytes)");
            }
            try (PageHandle h = pages.pin(tx, id, PageAccess.Latch.SHARED)) {
                ByteBuffer b = h.content().duplicate().order(ByteOrder.LITTLE_ENDIAN);
                int chunk = b.getInt(LENGTH);
                if (b.get(0) != Node.OVERFLOW || chunk <= 0 || chunk > geometry.overflowChunk() || chunk > length - pos) {
                    throw corrupt(index, leaf, "overflow page " + id + " of its chain from page " + first
                            + " has type " + b.get(0) + " and " + chunk + " data bytes, with " + (length - pos)
                            + " of the value's " + length + " bytes still to read");
                }
                b.get(HEADER, value, pos, chunk);
                pos += chunk;
                id = b.getLong(NEXT);
            }
        }
        if (pos != length || id != Node.NONE) {
            throw corrupt(index, leaf, "its overflow chain from page " + first + " holds more than the value's "
                    + length + " bytes");
        }
        return value;
    }

    /**
     * Frees every page of the chain starting at {@code first}. A page that is not an overflow page ends the walk
     * unfreed: leaking a page of a damaged chain is better than freeing a page something else uses.
     */
    static void free(PageAccess pages, IndexTransaction tx, long first) {
        long id = first;
        while (id != Node.NONE) {
            long next;
            try (PageHandle h = pages.pin(tx, id, PageAccess.Latch.SHARED)) {
                ByteBuffer b = h.content().duplicate().order(ByteOrder.LITTLE_ENDIAN);
                if (b.get(0) != Node.OVERFLOW) {
                    return;
                }
                next = b.getLong(NEXT);
            }
            pages.free(tx, id);
            id = next;
        }
    }

    private static StorageException corrupt(String index, long leaf, String what) {
        return new StorageException(ErrorCode.STORAGE_CORRUPT,
                "B+ tree '" + index + "' is damaged: a value in leaf page " + leaf + ": " + what + ".",
                "Restore the database from a backup, or rebuild the index.");
    }
}
