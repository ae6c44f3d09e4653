package org.neuroquantum.spi.eviction;

import org.neuroquantum.spi.annotation.Stable;

/**
 * Chooses which resident page the buffer pool gives up when it needs a frame. The policy sees the pool's
 * events for every page and keeps whatever history it likes (recency, frequency, ghost entries of evicted
 * pages) — within the memory bound below.
 *
 * <h2>Events</h2>
 * Page ids are non-negative {@code long}s. For each page the kernel calls, in this order:
 * {@link #onInsert} once when the page becomes resident, then any number of {@link #onAccess} (hits),
 * {@link #onPin}/{@link #onUnpin} pairs, and finally either {@link #onRemove} (the page left the pool for
 * another reason, e.g. its table was dropped) or it is returned by {@link #evict()}. After either, the page
 * is no longer resident; it may be inserted again later (a miss).
 *
 * <h2>Victims</h2>
 * {@link #evict()} must return a resident, unpinned page and forget it as resident; a pinned page is never
 * returned. When every resident page is pinned it returns {@link #NO_VICTIM} and changes nothing. If the pool
 * cannot evict the returned page after all (its write failed), it calls {@link #onInsert} for it again.
 *
 * <h2>Threading and cost</h2>
 * Implementations need not be thread-safe: the kernel never calls one instance from two threads at once and
 * establishes happens-before between consecutive calls (the pool calls it under its own lock). Every call
 * should be O(1) amortized; history kept for non-resident pages must stay bounded by a constant multiple of
 * {@link EvictionContext#capacity()}. A policy must not throw for any event sequence that follows this
 * contract; calls that break it (an event for a page that is not resident) are bugs in the kernel, which a
 * policy may report with {@link IllegalStateException}.
 */
@Stable
public interface EvictionPolicy {
    /** Returned by {@link #evict()} when every resident page is pinned. */
    long NO_VICTIM = -1L;

    /** The page became resident (after a miss). It starts unpinned. */
    void onInsert(long pageId);

    /** A resident page was used again (a hit). */
    void onAccess(long pageId);

    /** A resident page's pin count went from zero to one: it must not be evicted until {@link #onUnpin}. */
    void onPin(long pageId);

    /** A resident page's pin count went back to zero. */
    void onUnpin(long pageId);

    /** A resident page left the pool for a reason other than eviction. The policy forgets it as resident. */
    void onRemove(long pageId);

    /**
     * Chooses a victim among the resident, unpinned pages and forgets it as resident.
     *
     * @return the victim's page id, or {@link #NO_VICTIM} when every resident page is pinned
     */
    long evict();

    /** How many pages the policy currently counts as resident. */
    int residentCount();
}
