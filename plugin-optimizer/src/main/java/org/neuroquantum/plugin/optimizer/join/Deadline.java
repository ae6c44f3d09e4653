package org.neuroquantum.plugin.optimizer.join;

/** A {@link System#nanoTime()} deadline, compared without overflow. */
public record Deadline(long nanos) {
    /** Whether the deadline has passed. */
    public boolean passed() {
        return System.nanoTime() - nanos >= 0;
    }
}
