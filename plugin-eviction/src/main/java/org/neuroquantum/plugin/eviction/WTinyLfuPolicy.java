package org.neuroquantum.plugin.eviction;

import org.neuroquantum.plugin.eviction.util.FrequencySketch;
import org.neuroquantum.plugin.eviction.util.NodeLists;
import org.neuroquantum.spi.metrics.Counter;

/**
 * W-TinyLFU (Einziger, Friedman &amp; Manes, ACM TOS 2017) with Caffeine's adaptive window: new pages enter a
 * small LRU window; a page leaving the window is admitted to the main area only if a frequency sketch says it
 * is used more often than the main area's victim would be. The main area is a segmented LRU: probation (pages
 * admitted but not used since) and protected (80% of the main area). A hill climber resizes the window every
 * {@code 10 × capacity} events, keeping the direction while the hit ratio improves and reversing it when it
 * drops, in steps that start at 6.25% of the frames and shrink by 2% each time: recency-biased traces get a
 * large window, frequency-biased ones a small one.
 *
 * <p>The SPI names the victim before the page being loaded, so the window's overflow is resolved at eviction
 * time: when the window is at its target size, its oldest page is the candidate for the main area and the
 * duel decides which of the two leaves. Every event is O(1).
 */
public final class WTinyLfuPolicy extends NodePolicy {
    private static final int WINDOW = 0;
    private static final int PROBATION = 1;
    private static final int PROTECTED = 2;
    private static final double INITIAL_WINDOW = 0.01;
    private static final double PROTECTED_SHARE = 0.8;
    private static final double STEP = 0.0625;
    private static final double STEP_DECAY = 0.98;
    private static final double RESTART_THRESHOLD = 0.05;

    private final FrequencySketch sketch;
    private final boolean adaptive;
    private int windowTarget;
    private int protectedTarget;
    // Hill climber state.
    private final int samplePeriod;
    private int sampleHits;
    private int sampleEvents;
    private double previousHitRate;
    private double stepSize;

    /** An adaptive policy for {@code capacity} frames. */
    public WTinyLfuPolicy(int capacity, Counter evictions) {
        this(capacity, true, INITIAL_WINDOW, evictions);
    }

    /**
     * A policy for {@code capacity} frames.
     *
     * @param adaptive whether the hill climber resizes the window
     * @param windowShare the window's initial share of the frames, 0 to 1
     */
    public WTinyLfuPolicy(int capacity, boolean adaptive, double windowShare, Counter evictions) {
        super(capacity, 0, 3, evictions);
        this.sketch = new FrequencySketch(capacity);
        this.adaptive = adaptive;
        this.samplePeriod = Math.max(100, 10 * capacity);
        this.stepSize = -STEP * capacity;
        setWindow((int) Math.round(windowShare * capacity));
    }

    @Override
    protected void admit(int node, int ghost) {
        sketch.increment(nodes.key(node));
        nodes.pushBack(WINDOW, node);
        // While the pool fills up, the window's overflow goes to probation without a duel.
        while (nodes.size(WINDOW) > windowTarget) {
            nodes.moveToBack(PROBATION, nodes.front(WINDOW));
        }
        climb(false);
    }

    @Override
    protected void hit(int node) {
        sketch.increment(nodes.key(node));
        int list = nodes.listOf(node);
        if (list == PROBATION) {
            nodes.moveToBack(PROTECTED, node);
            demoteProtected();
        } else {
            nodes.moveToBack(list, node);
        }
        climb(true);
    }

    @Override
    protected int victim() {
        int candidate = nodes.size(WINDOW) >= windowTarget || mainIsEmpty() ? firstUnpinned(WINDOW)
                : NodeLists.NONE;
        int mainVictim = firstUnpinned(PROBATION);
        if (mainVictim == NodeLists.NONE) {
            mainVictim = firstUnpinned(PROTECTED);
        }
        int node;
        if (candidate == NodeLists.NONE) {
            node = mainVictim != NodeLists.NONE ? mainVictim : firstUnpinned(WINDOW);
        } else if (mainVictim == NodeLists.NONE) {
            node = candidate;
        } else if (sketch.frequency(nodes.key(candidate)) > sketch.frequency(nodes.key(mainVictim))) {
            // The window's candidate is the more popular: it enters probation, the main victim leaves.
            nodes.moveToBack(PROBATION, candidate);
            node = mainVictim;
        } else {
            node = candidate;
        }
        nodes.unlink(node);
        return node;
    }

    /** The window's current target size (for tests). */
    int windowTarget() {
        return windowTarget;
    }

    private boolean mainIsEmpty() {
        return nodes.size(PROBATION) + nodes.size(PROTECTED) == 0;
    }

    private void setWindow(int target) {
        windowTarget = Math.max(capacity > 1 ? 1 : 0, Math.min(capacity - 1, target));
        protectedTarget = (int) (PROTECTED_SHARE * (capacity - windowTarget));
        // A shrinking window hands its oldest pages to probation; a growing one fills with new pages lazily.
        while (nodes.size(WINDOW) > windowTarget) {
            nodes.moveToBack(PROBATION, nodes.front(WINDOW));
        }
        demoteProtected();
    }

    private void demoteProtected() {
        while (nodes.size(PROTECTED) > protectedTarget) {
            nodes.moveToBack(PROBATION, nodes.front(PROTECTED));
        }
    }

    private void climb(boolean hit) {
        if (!adaptive) {
            return;
        }
        sampleEvents++;
        if (hit) {
            sampleHits++;
        }
        if (sampleEvents < samplePeriod) {
            return;
        }
        double hitRate = (double) sampleHits / sampleEvents;
        double change = hitRate - previousHitRate;
        double amount = change >= 0 ? stepSize : -stepSize;
        stepSize = Math.abs(change) >= RESTART_THRESHOLD
                ? STEP * capacity * (amount >= 0 ? 1 : -1)
                : STEP_DECAY * amount;
        previousHitRate = hitRate;
        sampleEvents = 0;
        sampleHits = 0;
        setWindow(windowTarget + (int) Math.round(amount));
    }
}
