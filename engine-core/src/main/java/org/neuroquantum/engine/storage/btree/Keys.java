package org.neuroquantum.engine.storage.btree;

import java.util.Arrays;
import java.util.HexFormat;

/** Unsigned lexicographic key order and separator keys. */
final class Keys {
    private static final HexFormat HEX = HexFormat.of();

    private Keys() {
    }

    static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    /**
     * The shortest key {@code s} with {@code left < s <= right}: the prefix of {@code right} one byte longer than
     * the common prefix of both (suffix truncation). Requires {@code left < right}.
     */
    static byte[] separator(byte[] left, byte[] right) {
        int common = Arrays.mismatch(left, right);
        if (common < 0 || common >= right.length) {
            throw new IllegalArgumentException("separator needs left < right: " + hex(left) + " / " + hex(right));
        }
        return Arrays.copyOf(right, common + 1);
    }

    /** A key for messages: hex, shortened when long. */
    static String hex(byte[] key) {
        if (key == null) {
            return "(none)";
        }
        if (key.length <= 32) {
            return "0x" + HEX.formatHex(key);
        }
        return "0x" + HEX.formatHex(key, 0, 32) + "...(" + key.length + " bytes)";
    }
}
