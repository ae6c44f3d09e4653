package org.neuroquantum.plugin.optimizer.qubo.problem;

/**
 * A symmetric TSP instance as a full integer distance matrix (row-major, {@code n×n}), as TSPLIB defines
 * distances: integers after the rounding rule of the edge-weight type. Distances are symmetric with a zero
 * diagonal.
 */
public final class TspInstance {
    private final String name;
    private final int n;
    private final int[] distance;

    /** An instance over a full matrix, which is copied and checked for symmetry. */
    public TspInstance(String name, int n, int[] distance) {
        if (n < 3) {
            throw new IllegalArgumentException("a tour needs at least 3 cities, got " + n);
        }
        if (distance.length != n * n) {
            throw new IllegalArgumentException("matrix has " + distance.length + " entries, expected " + n * n);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (distance[i * n + j] != distance[j * n + i]) {
                    throw new IllegalArgumentException("distance matrix is not symmetric at (" + (i + 1) + ","
                            + (j + 1) + ")");
                }
            }
        }
        this.name = name;
        this.n = n;
        this.distance = distance.clone();
        for (int i = 0; i < n; i++) {
            this.distance[i * n + i] = 0;
        }
    }

    /** The instance name. */
    public String name() {
        return name;
    }

    /** Number of cities. */
    public int size() {
        return n;
    }

    /** Distance between cities {@code i} and {@code j} (0-based). */
    public int distance(int i, int j) {
        return distance[i * n + j];
    }

    /** The row-major matrix; shared for speed, do not modify. */
    public int[] matrix() {
        return distance;
    }

    /** The length of a closed tour visiting {@code tour[0..n−1]} in order; checks that it is a permutation. */
    public long tourLength(int[] tour) {
        if (!isPermutation(tour)) {
            throw new IllegalArgumentException("not a tour: must visit each of the " + n + " cities exactly once");
        }
        long sum = 0;
        for (int k = 0; k < n; k++) {
            sum += distance[tour[k] * n + tour[(k + 1) % n]];
        }
        return sum;
    }

    /** Whether {@code tour} visits every city exactly once. */
    public boolean isPermutation(int[] tour) {
        if (tour.length != n) {
            return false;
        }
        boolean[] seen = new boolean[n];
        for (int c : tour) {
            if (c < 0 || c >= n || seen[c]) {
                return false;
            }
            seen[c] = true;
        }
        return true;
    }
}
