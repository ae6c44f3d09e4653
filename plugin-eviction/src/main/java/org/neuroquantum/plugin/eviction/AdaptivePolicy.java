package org.neuroquantum.plugin.eviction;

import java.util.List;
import java.util.function.IntFunction;
import org.neuroquantum.plugin.eviction.util.NodeLists;
import org.neuroquantum.spi.eviction.EvictionPolicy;
import org.neuroquantum.spi.metrics.Counter;
import org.neuroquantum.spi.metrics.Metrics;

/**
 * The default policy: follow the leader among a few complementary policies run as shadows. Every access is
 * replayed through each candidate policy as a cache of its own of the same size (page ids only, no pages), and
 * each candidate's hits are scored with exponential forgetting. The pool evicts as the current leader would:
 *
 * <ul>
 *   <li>pages the pool holds but the leader has already evicted ("outcasts") go first, oldest first;</li>
 *   <li>when there are none, the pool holds exactly the leader's pages, and the victim is the page the leader
 *   evicts next (candidates name their victim before seeing the page being loaded, so asking early changes
 *   nothing).</li>
 * </ul>
 *
 * Every {@code max(64, capacity / 2)} accesses the candidate with the best score becomes leader if it beats
 * the current one by a margin; a change reclassifies the resident pages once, O(capacity), so O(1) amortized.
 * The candidates are LIRS, which wins on loops and on traces with a stable hot set, S3-FIFO, which wins on
 * recency-biased traces with many one-hit pages, and SIEVE, which wins where a small pool meets mixed pools
 * (see docs/eviction.md for the evidence). The first candidate leads at start. Each event costs a few
 * times a single policy's; history is bounded by the candidates' own bounds.
 */
public final class AdaptivePolicy extends NodePolicy {
    private static final int FOLLOWS = 0;
    private static final int OUTCASTS = 1;
    // Scores keep 80% per period, so roughly the last five periods (2.5 × capacity accesses) decide. The decay,
    // margin and period were chosen on the shared traces (docs/eviction.md shows how sensitive they are).
    private static final double DECAY = 0.8;
    // A challenger must beat the leader's score by this share (and by a few hits) to take over.
    private static final double MARGIN = 0.04;

    private final NodePolicy[] candidates;
    private final String[] names;
    private final double[] scores;
    private final long[] periodHits;
    private final int period;
    private int sinceDecision;
    private int leader;
    private long switches;

    /** The default candidates (LIRS, S3-FIFO, SIEVE) for {@code capacity} frames. */
    public AdaptivePolicy(int capacity, Counter evictions) {
        this(capacity, List.of("lirs", "s3-fifo", "sieve"), List.of(
                c -> new LirsPolicy(c, Metrics.detached().counter("shadow")),
                c -> new S3FifoPolicy(c, Metrics.detached().counter("shadow")),
                c -> new SievePolicy(c, Metrics.detached().counter("shadow"))), evictions);
    }

    AdaptivePolicy(int capacity, List<String> names, List<IntFunction<NodePolicy>> candidates, Counter evictions) {
        super(capacity, 0, 2, evictions);
        this.names = names.toArray(new String[0]);
        this.candidates = new NodePolicy[candidates.size()];
        for (int i = 0; i < this.candidates.length; i++) {
            this.candidates[i] = candidates.get(i).apply(capacity);
        }
        this.scores = new double[this.candidates.length];
        this.periodHits = new long[this.candidates.length];
        this.period = Math.max(64, capacity / 2);
    }

    /** The name of the candidate currently followed (for tests and reports). */
    public String leader() {
        return names[leader];
    }

    /** How often the leader changed. */
    public long switches() {
        return switches;
    }

    @Override
    protected void admit(int node, int ghost) {
        shadow(nodes.key(node));
        nodes.pushBack(FOLLOWS, node);
    }

    @Override
    protected void hit(int node) {
        shadow(nodes.key(node));
        nodes.moveToBack(FOLLOWS, node);
    }

    @Override
    protected int victim() {
        int node = firstUnpinned(OUTCASTS);
        NodePolicy lead = candidates[leader];
        while (node == NodeLists.NONE) {
            long pageId = lead.evict();
            if (pageId == NO_VICTIM) {
                // The leader holds none of the unpinned pages (only after pins kept its choices): fall back to
                // the oldest page followed.
                node = firstUnpinned(FOLLOWS);
                break;
            }
            int chosen = nodes.find(pageId);
            if (chosen != NodeLists.NONE && resident[chosen]) {
                if (!pinned[chosen]) {
                    node = chosen;
                } else {
                    nodes.moveToBack(OUTCASTS, chosen);
                }
            }
        }
        nodes.unlink(node);
        return node;
    }

    // Replays one access through every candidate; the leader's evictions turn pool pages into outcasts.
    private void shadow(long pageId) {
        for (int i = 0; i < candidates.length; i++) {
            NodePolicy candidate = candidates[i];
            if (candidate.accessIfResident(pageId)) {
                periodHits[i]++;
                continue;
            }
            if (candidate.residentCount() == capacity) {
                long evicted = candidate.evict();
                if (i == leader) {
                    int node = nodes.find(evicted);
                    if (node != NodeLists.NONE && resident[node] && nodes.listOf(node) == FOLLOWS) {
                        nodes.moveToBack(OUTCASTS, node);
                    }
                }
            }
            candidate.onInsert(pageId);
        }
        if (++sinceDecision == period) {
            decide();
        }
    }

    private void decide() {
        sinceDecision = 0;
        int best = leader;
        for (int i = 0; i < candidates.length; i++) {
            scores[i] = scores[i] * DECAY + periodHits[i];
            periodHits[i] = 0;
        }
        for (int i = 0; i < candidates.length; i++) {
            if (scores[i] > scores[best] * (1 + MARGIN) + 2) {
                best = i;
            }
        }
        if (best != leader) {
            leader = best;
            switches++;
            reclassify();
        }
    }

    // The pool's pages split anew into those the new leader holds and outcasts, keeping their order.
    private void reclassify() {
        NodePolicy lead = candidates[leader];
        for (int n = nodes.size(FOLLOWS); n > 0; n--) {
            int node = nodes.front(FOLLOWS);
            nodes.moveToBack(lead.isResident(nodes.key(node)) ? FOLLOWS : OUTCASTS, node);
        }
        int outcasts = nodes.size(OUTCASTS);
        for (int n = outcasts; n > 0; n--) {
            int node = nodes.front(OUTCASTS);
            nodes.moveToBack(lead.isResident(nodes.key(node)) ? FOLLOWS : OUTCASTS, node);
        }
    }
}
