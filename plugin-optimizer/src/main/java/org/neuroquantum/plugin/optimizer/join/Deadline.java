package org.neuroquantum.plugin.optimizer.join;

/** A {@link System#nanoTime()} deadline, compared without overflow. */
public record Deadline(long nanos) {
    /** A deadline that never passes in practice (about 292 years away). */
    public static Deadline none() {
        return new Deadline(System.nanoTime() + Long.MAX_VALUE);
    }

    /** Whether the deadline has passed. */
    public boolean passed() {
        return System.nanoTime() - nanos >= 0;
    }
}
