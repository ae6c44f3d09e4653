package org.neuroquantum.engine.storage.buffer;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;
import org.neuroquantum.spi.eviction.EvictionPolicy;
import org.neuroquantum.spi.storage.PageStore;

/** Small stand-ins for the buffer pool's collaborators. */
final class TestPolicies {
    private TestPolicies() {
    }

    /** FIFO over unpinned pages that also checks the pool keeps the eviction contract. */
    static final class CheckingFifo implements EvictionPolicy {
        final Set<Long> unpinned = new LinkedHashSet<>();
        final Set<Long> pinned = new LinkedHashSet<>();

        @Override
        public void onInsert(long p) {
            require(!unpinned.contains(p) && !pinned.contains(p), "insert of resident page " + p);
            unpinned.add(p);
        }

        @Override
        public void onAccess(long p) {
            require(unpinned.contains(p) || pinned.contains(p), "access of non-resident page " + p);
        }

        @Override
        public void onPin(long p) {
            require(unpinned.remove(p), "pin of page " + p + " that is not resident and unpinned");
            pinned.add(p);
        }

        @Override
        public void onUnpin(long p) {
            require(pinned.remove(p), "unpin of page " + p + " that is not pinned");
            unpinned.add(p);
        }

        @Override
        public void onRemove(long p) {
            require(unpinned.remove(p) || pinned.remove(p), "remove of non-resident page " + p);
        }

        @Override
        public long evict() {
            if (unpinned.isEmpty()) {
                return NO_VICTIM;
            }
            long v = unpinned.iterator().next();
            unpinned.remove(v);
            return v;
        }

        @Override
        public int residentCount() {
            return unpinned.size() + pinned.size();
        }

        private static void require(boolean ok, String what) {
            if (!ok) {
                throw new IllegalStateException("buffer pool broke the eviction contract: " + what);
            }
        }
    }

    /** Pages in memory; writes can fail as on a full disk, and every write is shown to a hook first. */
    static final class MemoryStore implements PageStore {
        final int pageSize;
        final Map<Long, byte[]> pages = new HashMap<>();
        long count;
        volatile boolean diskFull;
        volatile LongConsumer beforeWrite = id -> { };
        volatile long corruptPage = -1;

        MemoryStore(int pageSize) {
            this.pageSize = pageSize;
        }

        @Override
        public int pageSize() {
            return pageSize;
        }

        @Override
        public synchronized long pageCount() {
            return count;
        }

        final java.util.ArrayDeque<Long> freed = new java.util.ArrayDeque<>();

        @Override
        public synchronized long allocate() {
            Long reused = freed.pollLast();
            return reused != null ? reused : count++;
        }

        @Override
        public synchronized void free(long pageId) {
            pages.remove(pageId);
            freed.add(pageId);
        }

        @Override
        public void read(long pageId, ByteBuffer destination) {
            if (pageId == corruptPage) {
                throw new StorageException(ErrorCode.STORAGE_CORRUPT, "Page " + pageId + " is corrupt.", "Restore.");
            }
            byte[] data;
            synchronized (this) {
                data = pages.get(pageId);
            }
            destination.put(data == null ? new byte[pageSize] : data);
        }

        @Override
        public void write(long pageId, ByteBuffer source) {
            beforeWrite.accept(pageId);
            if (diskFull) {
                throw new StorageException(ErrorCode.STORAGE_FULL, "No space left.", "Free space.");
            }
            byte[] data = new byte[pageSize];
            source.get(data);
            synchronized (this) {
                pages.put(pageId, data);
            }
        }

        synchronized long lsnOnDisk(long pageId) {
            byte[] data = pages.get(pageId);
            return data == null ? 0 : ByteBuffer.wrap(data).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .getLong(PageLayout.PAGE_LSN);
        }

        @Override
        public void sync() {
        }

        @Override
        public void close() {
        }
    }
}
