package org.neuroquantum.engine.testing;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Set;
import org.neuroquantum.spi.eviction.EvictionPolicy;

/**
 * Least-recently-used eviction over a {@link LinkedHashMap} in access order, for storage tests. Pinned pages
 * are kept apart and never chosen; every event is checked against the {@link EvictionPolicy} contract.
 */
public final class LruTestPolicy implements EvictionPolicy {
    /** Unpinned resident pages, least recently used first. */
    private final LinkedHashMap<Long, Boolean> unpinned = new LinkedHashMap<>(64, 0.75f, true);
    private final Set<Long> pinned = new HashSet<>();

    @Override
    public void onInsert(long pageId) {
        require(!unpinned.containsKey(pageId) && !pinned.contains(pageId), "insert of resident page " + pageId);
        unpinned.put(pageId, Boolean.TRUE);
    }

    @Override
    public void onAccess(long pageId) {
        if (unpinned.get(pageId) == null) {
            require(pinned.contains(pageId), "access of non-resident page " + pageId);
        }
    }

    @Override
    public void onPin(long pageId) {
        require(unpinned.remove(pageId) != null, "pin of page " + pageId + " that is not resident and unpinned");
        pinned.add(pageId);
    }

    @Override
    public void onUnpin(long pageId) {
        require(pinned.remove(pageId), "unpin of page " + pageId + " that is not pinned");
        unpinned.put(pageId, Boolean.TRUE);
    }

    @Override
    public void onRemove(long pageId) {
        require(unpinned.remove(pageId) != null || pinned.remove(pageId), "remove of non-resident page " + pageId);
    }

    @Override
    public long evict() {
        Iterator<Long> it = unpinned.keySet().iterator();
        if (!it.hasNext()) {
            return NO_VICTIM;
        }
        long victim = it.next();
        it.remove();
        return victim;
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
