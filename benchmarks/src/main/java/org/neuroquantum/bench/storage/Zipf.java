package org.neuroquantum.bench.storage;

import java.util.SplittableRandom;

/**
 * A trace of record numbers drawn from a Zipf distribution over {@code n} records: rank {@code r} is drawn with
 * probability proportional to {@code 1 / r^s} ({@code s = 0.99}, YCSB's constant), and ranks are shuffled over
 * the record numbers so that the hot records are spread over the key space, as in YCSB's scrambled zipfian.
 */
public final class Zipf {
    /** YCSB's zipfian constant. */
    public static final double S = 0.99;

    private Zipf() {
    }

    /** {@code length} record numbers in {@code [0, n)}, drawn with {@code seed}. */
    public static int[] trace(int n, int length, long seed) {
        if (n <= 0 || length <= 0) {
            throw new IllegalArgumentException("n and length must be positive, got n=" + n + ", length=" + length);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] cumulative = new double[n];
        double sum = 0;
        for (int rank = 1; rank <= n; rank++) {
            sum += 1.0 / Math.pow(rank, S);
            cumulative[rank - 1] = sum;
        }
        int[] recordOfRank = Records.order(n, true, random.nextLong());
        int[] trace = new int[length];
        for (int i = 0; i < length; i++) {
            double u = random.nextDouble() * sum;
            int lo = 0;
            int hi = n - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            trace[i] = recordOfRank[lo];
        }
        return trace;
    }
}
