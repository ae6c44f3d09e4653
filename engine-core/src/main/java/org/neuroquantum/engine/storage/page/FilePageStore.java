package org.neuroquantum.engine.storage.page;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32C;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;
import org.neuroquantum.spi.storage.PageStore;

/**
 * The {@code file} page store: every page of a database in one file, checksummed, with a persistent free
 * list. The layout is documented in {@code docs/file-format.md} (section "Page store").
 *
 * <pre>
 * offset 0      store header, copy A (52 bytes)
 * offset 2048   store header, copy B
 * offset 4096   page 0, then page 1, ... each pageSize bytes
 * </pre>
 *
 * The two header copies are written alternately with an increasing sequence number, so a torn header write
 * leaves the other copy intact. A page starts with a CRC32C over its page id and its remaining bytes; a
 * checksum that does not match fails the read with the file, page and both checksums named. A freed page
 * holds the marker {@code FREE} and the id of the next free page.
 */
public final class FilePageStore implements PageStore {
    /** Format version this class writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** Bytes before page 0: room for the two header copies. */
    static final int HEADER_REGION = 4096;
    static final int HEADER_COPY_OFFSET = 2048;
    static final int HEADER_BYTES = 52;
    static final byte[] MAGIC = "NQPAGES\0".getBytes(StandardCharsets.US_ASCII);
    static final int FREE_MARKER = 0x46524545; // "FREE"
    static final long NO_PAGE = -1L;

    private final PageFile file;
    private final String fileName;
    private final int pageSize;
    private final boolean syncEveryWrite;
    private final Set<Long> freePages = new HashSet<>();
    /** Pages taken off the free list since the header was last written: the durable header may still list them. */
    private final Set<Long> reusedSinceSync = new HashSet<>();
    private long pageCount;
    private long freeHead;
    private long headerSequence;
    private boolean headerDirty;
    private volatile boolean closed;

    private FilePageStore(PageFile file, String fileName, int pageSize, boolean syncEveryWrite) {
        this.file = file;
        this.fileName = fileName;
        this.pageSize = pageSize;
        this.syncEveryWrite = syncEveryWrite;
    }

    /**
     * Opens the store in {@code file}, creating an empty one with {@code pageSize} when the file is empty.
     *
     * @param fileName how error messages name the file
     * @param syncEveryWrite fsync after every page write (sync mode {@code always})
     * @throws StorageException when the file is damaged or written in another format
     */
    public static FilePageStore open(PageFile file, String fileName, int pageSize, boolean syncEveryWrite) {
        checkPageSize(pageSize);
        try {
            if (file.size() == 0) {
                FilePageStore store = new FilePageStore(file, fileName, pageSize, syncEveryWrite);
                store.freeHead = NO_PAGE;
                store.headerDirty = true;
                store.sync();
                file.syncDirectory();
                return store;
            }
            ByteBuffer a = readHeaderCopy(file, 0);
            ByteBuffer b = readHeaderCopy(file, HEADER_COPY_OFFSET);
            ByteBuffer header = newest(a, b);
            if (header == null) {
                throw new StorageException(ErrorCode.STORAGE_CORRUPT,
                        "Both copies of the page store header of " + fileName + " are damaged or missing.",
                        "Restore the database from a backup.");
            }
            int version = header.getInt(8);
            if (version != FORMAT_VERSION) {
                throw new StorageException(ErrorCode.STORAGE_FORMAT_MISMATCH,
                        fileName + " is written in page store format version " + version
                                + ", but page store 'file' reads version " + FORMAT_VERSION + ".",
                        "Open it with the NeuroQuantumDB version that wrote it.");
            }
            FilePageStore store = new FilePageStore(file, fileName, header.getInt(12), syncEveryWrite);
            store.headerSequence = header.getLong(16);
            store.pageCount = header.getLong(24);
            store.freeHead = header.getLong(32);
            store.loadFreeList(header.getLong(40));
            return store;
        } catch (IOException e) {
            throw ioError("open", fileName, e);
        }
    }

    private static void checkPageSize(int pageSize) {
        if (pageSize < 4096 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("page size must be a power of two from 4096 to 65536: " + pageSize);
        }
    }

    private static ByteBuffer readHeaderCopy(PageFile file, long offset) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        if (file.read(buffer, offset) < HEADER_BYTES) {
            return null;
        }
        buffer.flip();
        for (int i = 0; i < MAGIC.length; i++) {
            if (buffer.get(i) != MAGIC[i]) {
                return null;
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate().limit(HEADER_BYTES - 4));
        return (int) crc.getValue() == buffer.getInt(HEADER_BYTES - 4) ? buffer : null;
    }

    private static ByteBuffer newest(ByteBuffer a, ByteBuffer b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.getLong(16) >= b.getLong(16) ? a : b;
    }

    private void loadFreeList(long expected) {
        ByteBuffer page = ByteBuffer.allocate(pageSize).order(ByteOrder.LITTLE_ENDIAN);
        for (long id = freeHead; id != NO_PAGE; ) {
            if (id < 0 || id >= pageCount || !freePages.add(id) || freePages.size() > expected) {
                throw new StorageException(ErrorCode.STORAGE_CORRUPT,
                        "The free list of " + fileName + " is damaged at page " + id + ".",
                        "Restore the database from a backup.");
            }
            page.clear();
            read(id, page, true);
            id = page.getLong(8);
        }
        if (freePages.size() != expected) {
            throw new StorageException(ErrorCode.STORAGE_CORRUPT, "The free list of " + fileName + " holds "
                    + freePages.size() + " pages, its header says " + expected + ".", "Restore the database from a backup.");
        }
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    @Override
    public synchronized long pageCount() {
        return pageCount;
    }

    /** How many pages are on the free list. */
    public synchronized long freePageCount() {
        return freePages.size();
    }

    @Override
    public synchronized long allocate() {
        checkOpen();
        headerDirty = true;
        if (freeHead == NO_PAGE) {
            return pageCount++;
        }
        long id = freeHead;
        ByteBuffer page = ByteBuffer.allocate(pageSize).order(ByteOrder.LITTLE_ENDIAN);
        read(id, page, true);
        freeHead = page.getLong(8);
        freePages.remove(id);
        reusedSinceSync.add(id);
        return id;
    }

    /** Whether {@code pageId} is on the free list. */
    @Override
    public synchronized boolean isFree(long pageId) {
        return freePages.contains(pageId);
    }

    /**
     * Makes {@code pageId} an allocated page, for redo of a logged allocation: grows the page count past it (ids
     * skipped on the way count as allocated, unused) or takes it off the free list (relinking the list on disk).
     *
     * @return {@code true} when the page was not allocated before or was never written (beyond the end of the
     *     file, or all zeros), so its bytes on disk (if any) are not a live page's; {@code false} when it is an
     *     allocated, written page
     */
    @Override
    public synchronized boolean ensureAllocated(long pageId) {
        checkOpen();
        if (pageId < 0) {
            throw new IllegalArgumentException("page id must not be negative: " + pageId);
        }
        if (pageId >= pageCount) {
            pageCount = pageId + 1;
            headerDirty = true;
            return true;
        }
        if (freePages.contains(pageId)) {
            ByteBuffer page = ByteBuffer.allocate(pageSize).order(ByteOrder.LITTLE_ENDIAN);
            read(pageId, page, true);
            long next = page.getLong(8);
            if (freeHead == pageId) {
                freeHead = next;
            } else {
                ByteBuffer prev = ByteBuffer.allocate(pageSize).order(ByteOrder.LITTLE_ENDIAN);
                for (long id = freeHead; ; ) {
                    prev.clear();
                    read(id, prev, true);
                    long following = prev.getLong(8);
                    if (following == pageId) {
                        prev.clear();
                        prev.putLong(8, next);
                        writePage(id, prev);
                        break;
                    }
                    id = following;
                }
            }
            freePages.remove(pageId);
            headerDirty = true;
            // The chain on disk changed: make the header agree with it before anything else is written.
            sync();
            return true;
        }
        return isUnwritten(pageId);
    }

    /** Whether the page lies beyond the end of the file or in a hole (all zeros: allocated, never written). */
    private boolean isUnwritten(long pageId) {
        ByteBuffer page = ByteBuffer.allocate(pageSize);
        try {
            if (file.read(page, offsetOf(pageId)) < pageSize) {
                return true;
            }
        } catch (IOException e) {
            throw ioError("read page " + pageId + " of", fileName, e);
        }
        for (int i = 0; i < pageSize; i += 8) {
            if (page.getLong(i) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized void free(long pageId) {
        checkOpen();
        checkRange(pageId);
        if (freePages.contains(pageId)) {
            throw new IllegalStateException("page " + pageId + " of " + fileName + " is already free");
        }
        if (reusedSinceSync.contains(pageId)) {
            // Taken off the free list and given back before the header was written: the durable header may still
            // list the page with its old link, so the new entry must not overwrite it (a torn write would leave a
            // free list that cannot be read after a crash) until the header no longer does.
            sync();
        }
        ByteBuffer page = ByteBuffer.allocate(pageSize).order(ByteOrder.LITTLE_ENDIAN);
        page.putInt(4, FREE_MARKER).putLong(8, freeHead);
        writePage(pageId, page);
        freeHead = pageId;
        freePages.add(pageId);
        headerDirty = true;
    }

    @Override
    public void read(long pageId, ByteBuffer destination) {
        checkOpen();
        checkRange(pageId);
        synchronized (this) {
            if (freePages.contains(pageId)) {
                throw new IllegalStateException("page " + pageId + " of " + fileName + " is free");
            }
        }
        read(pageId, destination, false);
    }

    private void read(long pageId, ByteBuffer destination, boolean expectFree) {
        if (destination.remaining() != pageSize) {
            throw new IllegalArgumentException("buffer must have exactly " + pageSize + " bytes remaining");
        }
        int start = destination.position();
        try {
            int n = file.read(destination, offsetOf(pageId));
            if (n < pageSize) {
                throw new StorageException(ErrorCode.STORAGE_CORRUPT,
                        "Page " + pageId + " of " + fileName + " lies beyond the end of the file (it was allocated but "
                                + "never written, or the file was truncated).",
                        "Restore the database from a backup.");
            }
        } catch (IOException e) {
            throw ioError("read page " + pageId + " of", fileName, e);
        }
        ByteBuffer page = destination.duplicate().position(start).limit(start + pageSize).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        int stored = page.getInt(0);
        int actual = checksum(pageId, page);
        if (stored != actual) {
            throw new StorageException(ErrorCode.STORAGE_CORRUPT, String.format(
                    "Page %d of %s is corrupt: stored checksum 0x%08x, computed 0x%08x.", pageId, fileName, stored, actual),
                    "Restore the database from a backup; the page's content cannot be trusted.");
        }
        if (expectFree && page.getInt(4) != FREE_MARKER) {
            throw new StorageException(ErrorCode.STORAGE_CORRUPT,
                    "Page " + pageId + " of " + fileName + " is on the free list but is not marked free.",
                    "Restore the database from a backup.");
        }
    }

    @Override
    public void write(long pageId, ByteBuffer source) {
        checkOpen();
        checkRange(pageId);
        if (source.remaining() != pageSize) {
            throw new IllegalArgumentException("buffer must have exactly " + pageSize + " bytes remaining");
        }
        boolean listedFree;
        synchronized (this) {
            listedFree = reusedSinceSync.contains(pageId);
        }
        if (listedFree) {
            // The durable header may still list this reused page as free: overwriting its free-list entry before
            // the header no longer does would leave a free list that cannot be read after a crash.
            sync();
        }
        writePage(pageId, source);
    }

    private void writePage(long pageId, ByteBuffer source) {
        ByteBuffer page = source.duplicate().slice().order(ByteOrder.LITTLE_ENDIAN);
        page.putInt(0, checksum(pageId, page));
        try {
            file.write(page, offsetOf(pageId));
            if (syncEveryWrite) {
                file.sync();
            }
        } catch (IOException e) {
            throw ioError("write page " + pageId + " of", fileName, e);
        }
        source.position(source.position() + pageSize);
    }

    @Override
    public synchronized void sync() {
        checkOpen();
        try {
            file.sync();
            if (headerDirty) {
                // Data first, then the header that points into it: the header never refers to an unsynced page.
                headerSequence++;
                file.write(headerBytes(), headerSequence % 2 == 0 ? 0 : HEADER_COPY_OFFSET);
                file.sync();
                headerDirty = false;
                reusedSinceSync.clear();
            }
        } catch (IOException e) {
            throw ioError("sync", fileName, e);
        }
    }

    private ByteBuffer headerBytes() {
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put(MAGIC).putInt(FORMAT_VERSION).putInt(pageSize).putLong(headerSequence).putLong(pageCount)
                .putLong(freeHead).putLong(freePages.size());
        CRC32C crc = new CRC32C();
        crc.update(h.duplicate().flip());
        h.putInt((int) crc.getValue());
        return h.flip();
    }

    private int checksum(long pageId, ByteBuffer page) {
        CRC32C crc = new CRC32C();
        ByteBuffer id = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, pageId);
        crc.update(id);
        crc.update(page.duplicate().position(CHECKSUM_BYTES).limit(pageSize));
        return (int) crc.getValue();
    }

    private long offsetOf(long pageId) {
        return HEADER_REGION + pageId * (long) pageSize;
    }

    private void checkRange(long pageId) {
        long count;
        synchronized (this) {
            count = pageCount;
        }
        if (pageId < 0 || pageId >= count) {
            throw new IllegalArgumentException("page " + pageId + " of " + fileName + " was never allocated (the store "
                    + "has " + count + " pages)");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("page store " + fileName + " is closed");
        }
    }

    static StorageException ioError(String action, String fileName, IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
            return new StorageException(ErrorCode.STORAGE_FULL, "No space left to " + action + " " + fileName + ".",
                    "Free disk space; the database keeps working once space returns.", e);
        }
        return new StorageException(ErrorCode.STORAGE_IO, "Cannot " + action + " " + fileName + ": " + message + ".",
                "Check the disk and the file's permissions.", e);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            file.close();
        } catch (IOException e) {
            throw ioError("close", fileName, e);
        }
    }
}
