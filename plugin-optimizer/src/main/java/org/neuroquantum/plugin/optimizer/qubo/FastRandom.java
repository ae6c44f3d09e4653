package org.neuroquantum.plugin.optimizer.qubo;

/**
 * A small, fast, non-thread-safe generator (xorshift64*, Vigna 2016) seeded through SplitMix64 so that nearby
 * seeds give unrelated streams. Used in inner loops of the solvers where {@link java.util.Random}'s atomic
 * seed update would dominate; not for cryptography.
 */
public final class FastRandom {
    private long state;

    /** A generator whose sequence is a pure function of {@code seed}. */
    public FastRandom(long seed) {
        long z = mix(seed);
        state = z == 0 ? 0x9E3779B97F4A7C15L : z;
    }

    /** SplitMix64's finaliser: derives independent seeds, e.g. {@code mix(seed + restart)}. */
    public static long mix(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The next 64 random bits. */
    public long nextLong() {
        long x = state;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        state = x;
        return x * 0x2545F4914F6CDD1DL;
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound), bound > 0 (Lemire's multiply-shift; bias below 2^-32 for small bounds). */
    public int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }
}
