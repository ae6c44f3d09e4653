package org.neuroquantum.plugin.optimizer.qubo.tsp;

import org.neuroquantum.plugin.optimizer.qubo.problem.TspInstance;

/**
 * Local search with 2-opt and Or-opt moves (segments of 1–3 cities moved elsewhere, optionally reversed),
 * first improvement, restricted to the {@code k} nearest neighbours of each city, driven by a queue of cities
 * whose don't-look bit is off (Bentley 1992). The tour is an array with a position index; a 2-opt move reverses
 * the shorter side, an Or-opt move rewrites the stretch between the segment and its new place.
 *
 * <p>Not thread-safe: one instance per search thread.
 */
public final class TwoOptOrOpt {
    private final int n;
    private final int[] d;
    private final int[] neighbours;
    private final int k;
    final int[] tour;
    final int[] pos;
    private final int[] queue;
    private final boolean[] queued;
    private int head;
    private int size;
    private final int[] scratch;
    long length;

    /** Search state for {@code instance} with candidate lists of the {@code k} nearest cities. */
    public TwoOptOrOpt(TspInstance instance, int k) {
        this.n = instance.size();
        this.d = instance.matrix();
        this.k = Math.min(k, n - 1);
        this.neighbours = NearestNeighbours.lists(instance, this.k);
        this.tour = new int[n];
        this.pos = new int[n];
        this.queue = new int[n];
        this.queued = new boolean[n];
        this.scratch = new int[n];
    }

    /** Loads a tour (a permutation) and marks every city active. */
    public void load(int[] cities) {
        System.arraycopy(cities, 0, tour, 0, n);
        for (int p = 0; p < n; p++) {
            pos[tour[p]] = p;
        }
        length = 0;
        for (int p = 0; p < n; p++) {
            length += d[tour[p] * n + tour[p + 1 == n ? 0 : p + 1]];
        }
        head = 0;
        size = 0;
        java.util.Arrays.fill(queued, false);
        for (int p = 0; p < n; p++) {
            push(tour[p]);
        }
    }

    /** The current tour length. */
    public long length() {
        return length;
    }

    /** A copy of the current tour. */
    public int[] tour() {
        return tour.clone();
    }

    /** Marks a city active (its don't-look bit off). */
    void push(int city) {
        if (!queued[city]) {
            queued[city] = true;
            int at = head + size;
            queue[at >= n ? at - n : at] = city;
            size++;
        }
    }

    private int succ(int c) {
        int p = pos[c] + 1;
        return tour[p == n ? 0 : p];
    }

    private int pred(int c) {
        int p = pos[c] - 1;
        return tour[p < 0 ? n - 1 : p];
    }

    /** Runs to a local optimum under both neighbourhoods. */
    public void optimise() {
        while (size > 0) {
            int a = queue[head];
            head = head + 1 == n ? 0 : head + 1;
            size--;
            queued[a] = false;
            if (improveTwoOpt(a) || improveOrOpt(a)) {
                push(a);
            }
        }
    }

    private boolean improveTwoOpt(int a) {
        int base = a * k;
        for (int dir = 0; dir < 2; dir++) {
            int b = dir == 0 ? succ(a) : pred(a);
            int dab = d[a * n + b];
            for (int m = 0; m < k; m++) {
                int c = neighbours[base + m];
                int dac = d[a * n + c];
                if (dac >= dab) {
                    break;
                }
                int e = dir == 0 ? succ(c) : pred(c);
                if (c == b || e == a) {
                    continue;
                }
                int delta = dac + d[b * n + e] - dab - d[c * n + e];
                if (delta < 0) {
                    if (dir == 0) {
                        reverse(b, c);
                    } else {
                        reverse(a, e);
                    }
                    length += delta;
                    push(a);
                    push(b);
                    push(c);
                    push(e);
                    return true;
                }
            }
        }
        return false;
    }

    /** Reverses the forward path from city {@code from} to city {@code to}, or its complement if shorter. */
    private void reverse(int from, int to) {
        int i = pos[from];
        int j = pos[to];
        int len = j - i;
        if (len < 0) {
            len += n;
        }
        len++;
        if (2 * len > n) {
            i = pos[to] + 1;
            if (i == n) {
                i = 0;
            }
            j = pos[from] - 1;
            if (j < 0) {
                j = n - 1;
            }
            len = n - len;
        }
        for (int s = 0; s < len / 2; s++) {
            int ci = tour[i];
            int cj = tour[j];
            tour[i] = cj;
            pos[cj] = i;
            tour[j] = ci;
            pos[ci] = j;
            i = i + 1 == n ? 0 : i + 1;
            j = j == 0 ? n - 1 : j - 1;
        }
    }

    /**
     * Tries to move a segment of 1–3 cities that starts (forward or backward) at {@code a} next to one of
     * the candidate neighbours of its end cities.
     */
    private boolean improveOrOpt(int a) {
        if (n < 8) {
            return false;
        }
        for (int len = 1; len <= 3; len++) {
            for (int dir = 0; dir < 2; dir++) {
                // Segment s1..s2 in forward tour order.
                int s1;
                int s2;
                if (dir == 0) {
                    s1 = a;
                    s2 = a;
                    for (int t = 1; t < len; t++) {
                        s2 = succ(s2);
                    }
                } else {
                    s2 = a;
                    s1 = a;
                    for (int t = 1; t < len; t++) {
                        s1 = pred(s1);
                    }
                }
                int p = pred(s1);
                int q = succ(s2);
                int removeGain = d[p * n + s1] + d[s2 * n + q] - d[p * n + q];
                if (removeGain <= 0) {
                    continue;
                }
                for (int end = 0; end < 2; end++) {
                    int s = end == 0 ? s1 : s2;
                    int base = s * k;
                    for (int m = 0; m < k; m++) {
                        int c = neighbours[base + m];
                        int dsc = d[s * n + c];
                        if (dsc >= removeGain) {
                            break;
                        }
                        if (inSegment(c, s1, len)) {
                            continue;
                        }
                        // Insert between c and one of its tour neighbours e, with s next to c.
                        for (int side = 0; side < 2; side++) {
                            int e = side == 0 ? succ(c) : pred(c);
                            if (inSegment(e, s1, len)) {
                                continue;
                            }
                            int other = s == s1 ? s2 : s1;
                            int delta = dsc + d[other * n + e] - d[c * n + e] - removeGain;
                            if (delta < 0) {
                                // Between (c, e) in tour order: if e = succ(c) the segment runs c, s, ..., other, e.
                                int left = side == 0 ? c : e;
                                int first = side == 0 ? s : other;
                                moveSegment(s1, len, left, first == s2);
                                length += delta;
                                push(p);
                                push(q);
                                push(s1);
                                push(s2);
                                push(c);
                                push(e);
                                return true;
                            }
                        }
                    }
                }
            }
        }
        return false;
    }

    private boolean inSegment(int c, int s1, int len) {
        int off = pos[c] - pos[s1];
        if (off < 0) {
            off += n;
        }
        return off < len;
    }

    /**
     * Moves the forward segment of {@code len} cities starting at {@code s1} to just after city {@code left},
     * reversed if asked, by rewriting the tour from the segment's start to the insertion point.
     */
    private void moveSegment(int s1, int len, int left, boolean reversed) {
        int start = pos[s1];
        int[] seg = new int[len];
        for (int t = 0; t < len; t++) {
            int p = start + t;
            seg[t] = tour[p >= n ? p - n : p];
        }
        int forwardGap = pos[left] - (start + len - 1);
        if (forwardGap < 0) {
            forwardGap += n;
        }
        int backwardGap = start - pos[left] - 1;
        if (backwardGap < 0) {
            backwardGap += n;
        }
        if (forwardGap <= backwardGap) {
            // left lies after the segment: shift the cities between back by len, then place the segment.
            int write = start;
            int read = start + len;
            for (int t = 0; t < forwardGap; t++) {
                int r = mod(read);
                int w = mod(write);
                int c = tour[r];
                tour[w] = c;
                pos[c] = w;
                read++;
                write++;
            }
            for (int t = 0; t < len; t++) {
                int w = mod(write);
                int c = reversed ? seg[len - 1 - t] : seg[t];
                tour[w] = c;
                pos[c] = w;
                write++;
            }
        } else {
            // left lies before the segment: shift the cities between forward by len, then place the segment.
            int write = start + len - 1;
            int read = start - 1;
            for (int t = 0; t < backwardGap; t++) {
                int r = mod(read);
                int w = mod(write);
                int c = tour[r];
                tour[w] = c;
                pos[c] = w;
                read--;
                write--;
            }
            for (int t = 0; t < len; t++) {
                int w = mod(write);
                int c = reversed ? seg[t] : seg[len - 1 - t];
                tour[w] = c;
                pos[c] = w;
                write--;
            }
        }
    }

    /**
     * Applies a segment double-bridge kick: three cut points within {@code window} positions after a random
     * start split the stretch into A, B, C; B and C swap places. Pushes the eight end cities. Returns the change
     * of length.
     */
    long doubleBridge(int start, int lenB, int lenC) {
        int p1 = start;
        int b0 = p1 + 1;
        long before = edge(p1) + edge(p1 + lenB) + edge(p1 + lenB + lenC);
        for (int t = 0; t < lenB; t++) {
            scratch[t] = tour[wrap(b0 + t)];
        }
        for (int t = 0; t < lenC; t++) {
            int c = tour[wrap(b0 + lenB + t)];
            int w = wrap(b0 + t);
            tour[w] = c;
            pos[c] = w;
        }
        for (int t = 0; t < lenB; t++) {
            int c = scratch[t];
            int w = wrap(b0 + lenC + t);
            tour[w] = c;
            pos[c] = w;
        }
        long after = edge(p1) + edge(p1 + lenC) + edge(p1 + lenB + lenC);
        long change = after - before;
        length += change;
        for (int off : new int[] {0, 1, lenC, lenC + 1, lenB + lenC, lenB + lenC + 1}) {
            push(tour[wrap(p1 + off)]);
        }
        return change;
    }

    private int mod(int p) {
        int m = p % n;
        return m < 0 ? m + n : m;
    }

    private int wrap(int p) {
        return p % n;
    }

    private long edge(int p) {
        return d[tour[wrap(p)] * n + tour[wrap(p + 1)]];
    }

    /** Copies tour and length from another search state over the same instance. */
    void copyFrom(TwoOptOrOpt other) {
        System.arraycopy(other.tour, 0, tour, 0, n);
        System.arraycopy(other.pos, 0, pos, 0, n);
        length = other.length;
        while (size > 0) {
            queued[queue[head]] = false;
            head = head + 1 == n ? 0 : head + 1;
            size--;
        }
    }

    int size() {
        return n;
    }
}
