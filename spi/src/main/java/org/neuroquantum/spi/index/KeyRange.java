package org.neuroquantum.spi.index;

import java.util.Arrays;
import org.neuroquantum.spi.annotation.Stable;

/**
 * A range of keys in unsigned lexicographic byte order. A {@code null} bound is unbounded on that side.
 *
 * @param low the lower bound, or {@code null}
 * @param lowInclusive whether {@code low} itself is in the range
 * @param high the upper bound, or {@code null}
 * @param highInclusive whether {@code high} itself is in the range
 */
@Stable
public record KeyRange(byte[] low, boolean lowInclusive, byte[] high, boolean highInclusive) {
    /** Every key. */
    public static KeyRange all() {
        return new KeyRange(null, true, null, true);
    }

    /** Keys {@code >= low} and {@code < high}. */
    public static KeyRange halfOpen(byte[] low, byte[] high) {
        return new KeyRange(low, true, high, false);
    }

    /** Whether {@code key} lies in this range. */
    public boolean contains(byte[] key) {
        if (low != null) {
            int c = Arrays.compareUnsigned(key, low);
            if (c < 0 || (c == 0 && !lowInclusive)) {
                return false;
            }
        }
        if (high != null) {
            int c = Arrays.compareUnsigned(key, high);
            return c < 0 || (c == 0 && highInclusive);
        }
        return true;
    }
}
