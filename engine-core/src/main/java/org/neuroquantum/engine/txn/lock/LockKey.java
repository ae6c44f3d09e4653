package org.neuroquantum.engine.txn.lock;

import java.util.Arrays;

/**
 * An immutable name of a lockable resource: a whole relation (a table or an index, by its catalog id) or one
 * key in it (the key's bytes, copied). Equal names denote the same resource, whatever array the bytes came
 * from. Keys order by relation, the relation itself first, then by key bytes compared unsigned.
 */
public final class LockKey implements Comparable<LockKey> {
    private static final int SHOWN_BYTES = 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final long relationId;
    private final byte[] key;
    private final int hash;

    private LockKey(long relationId, byte[] key) {
        this.relationId = relationId;
        this.key = key;
        int h = Long.hashCode(relationId * 0x9E3779B97F4A7C15L);
        this.hash = key == null ? h : 31 * h + Arrays.hashCode(key);
    }

    /** The whole relation (table or index) {@code relationId}: where intention locks and table locks go. */
    public static LockKey relation(long relationId) {
        return new LockKey(relationId, null);
    }

    /** The key {@code key} of relation {@code relationId}; the bytes are copied. */
    public static LockKey key(long relationId, byte[] key) {
        if (key == null) {
            throw new NullPointerException("key");
        }
        return new LockKey(relationId, key.clone());
    }

    /** The catalog id of the relation (table or index). */
    public long relationId() {
        return relationId;
    }

    /** Whether this names a whole relation rather than one key in it. */
    public boolean isRelation() {
        return key == null;
    }

    /** A copy of the key bytes, or {@code null} when this names a whole relation. */
    public byte[] key() {
        return key == null ? null : key.clone();
    }

    /** The relation this key belongs to (this key itself when it names a relation). */
    public LockKey parent() {
        return key == null ? this : relation(relationId);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LockKey)) {
            return false;
        }
        LockKey other = (LockKey) o;
        return hash == other.hash && relationId == other.relationId && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(LockKey other) {
        int c = Long.compare(relationId, other.relationId);
        if (c != 0) {
            return c;
        }
        if (key == null || other.key == null) {
            return key == null ? (other.key == null ? 0 : -1) : 1;
        }
        return Arrays.compareUnsigned(key, other.key);
    }

    /** {@code relation 7} or {@code relation 7 key 0x0a0b}; keys longer than 16 bytes are shortened. */
    @Override
    public String toString() {
        if (key == null) {
            return "relation " + relationId;
        }
        StringBuilder s = new StringBuilder("relation ").append(relationId).append(" key 0x");
        int shown = Math.min(key.length, SHOWN_BYTES);
        for (int i = 0; i < shown; i++) {
            s.append(HEX[(key[i] >> 4) & 0xf]).append(HEX[key[i] & 0xf]);
        }
        if (key.length > shown) {
            s.append("...(").append(key.length).append(" bytes)");
        }
        return s.toString();
    }
}
