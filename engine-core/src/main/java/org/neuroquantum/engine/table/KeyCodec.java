package org.neuroquantum.engine.table;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * The order-preserving ("memcomparable") key encoding: the unsigned lexicographic order of encoded keys is the
 * order of the values, column by column. Per column (layout in {@code docs/file-format.md}, "Key encoding"):
 *
 * <ul>
 *   <li>a nullable column starts with a marker byte, {@code 0x00} for NULL (nothing follows) and {@code 0x01}
 *   otherwise, so NULL sorts first;</li>
 *   <li>BOOLEAN: one byte 0 or 1; INTEGER and DATE (days since 1970-01-01): 4 bytes, BIGINT and TIMESTAMP
 *   (microseconds since 1970-01-01T00:00): 8 bytes, big-endian with the sign bit flipped;</li>
 *   <li>DOUBLE: the IEEE bits big-endian, all bits flipped for negatives, only the sign bit otherwise;</li>
 *   <li>VARCHAR (UTF-8) and BLOB: each {@code 0x00} byte written as {@code 0x00 0xFF}, then the terminator
 *   {@code 0x00 0x00} — except as the last column of a key encoded "open-ended" (a primary key), where the bytes
 *   are written as they are up to the end.</li>
 * </ul>
 */
public final class KeyCodec {
    private KeyCodec() {
    }

    /** Encodes all of {@code columns}' values; {@code openEnded}: the last column runs to the end unescaped. */
    public static byte[] encode(List<Column> columns, Object[] values, boolean openEnded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        for (int i = 0; i < columns.size(); i++) {
            append(out, columns.get(i), values[i], openEnded && i == columns.size() - 1);
        }
        return out.toByteArray();
    }

    /**
     * Encodes the first {@code count} of {@code columns}' values: a key prefix. When {@code count} covers every
     * column it equals {@link #encode}.
     */
    public static byte[] encodePrefix(List<Column> columns, Object[] values, int count, boolean openEnded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        for (int i = 0; i < count; i++) {
            append(out, columns.get(i), values[i], openEnded && i == columns.size() - 1);
        }
        return out.toByteArray();
    }

    /** The smallest byte string greater than every string starting with {@code prefix}, or null if none. */
    public static byte[] successor(byte[] prefix) {
        byte[] s = prefix.clone();
        for (int i = s.length - 1; i >= 0; i--) {
            if (s[i] != (byte) 0xFF) {
                s[i]++;
                return Arrays.copyOf(s, i + 1);
            }
        }
        return null;
    }

    private static void append(ByteArrayOutputStream out, Column c, Object v, boolean last) {
        if (c.nullable()) {
            if (v == null) {
                out.write(0);
                return;
            }
            out.write(1);
        } else if (v == null) {
            throw new IllegalArgumentException("column " + c.name() + " is NOT NULL");
        }
        switch (c.type()) {
            case BOOLEAN -> out.write((Boolean) v ? 1 : 0);
            case INTEGER -> putInt(out, (Integer) v ^ Integer.MIN_VALUE);
            case DATE -> putInt(out, Math.toIntExact(((LocalDate) v).toEpochDay()) ^ Integer.MIN_VALUE);
            case BIGINT -> putLong(out, (Long) v ^ Long.MIN_VALUE);
            case TIMESTAMP -> putLong(out, micros((LocalDateTime) v) ^ Long.MIN_VALUE);
            case DOUBLE -> {
                long bits = Double.doubleToLongBits((Double) v);
                putLong(out, bits < 0 ? ~bits : bits ^ Long.MIN_VALUE);
            }
            case VARCHAR -> bytes(out, ((String) v).getBytes(StandardCharsets.UTF_8), last);
            case BLOB -> bytes(out, (byte[]) v, last);
            default -> throw new IllegalArgumentException("type " + c.type() + " cannot be part of a key");
        }
    }

    private static void bytes(ByteArrayOutputStream out, byte[] b, boolean last) {
        if (last) {
            out.write(b, 0, b.length);
            return;
        }
        for (byte x : b) {
            out.write(x);
            if (x == 0) {
                out.write(0xFF);
            }
        }
        out.write(0);
        out.write(0);
    }

    static long micros(LocalDateTime t) {
        return ChronoUnit.MICROS.between(LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC), t);
    }

    static LocalDateTime fromMicros(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    }

    private static void putInt(ByteArrayOutputStream out, int x) {
        out.write(x >>> 24);
        out.write(x >>> 16);
        out.write(x >>> 8);
        out.write(x);
    }

    private static void putLong(ByteArrayOutputStream out, long x) {
        putInt(out, (int) (x >>> 32));
        putInt(out, (int) x);
    }

    /** Decodes a key written by {@link #encode} with the same columns and {@code openEnded}. */
    public static Object[] decode(List<Column> columns, byte[] key, boolean openEnded) {
        Object[] values = new Object[columns.size()];
        int[] pos = {0};
        for (int i = 0; i < columns.size(); i++) {
            values[i] = read(columns.get(i), key, pos, openEnded && i == columns.size() - 1);
        }
        if (pos[0] != key.length) {
            throw new IllegalArgumentException("key has " + (key.length - pos[0]) + " trailing bytes");
        }
        return values;
    }

    private static Object read(Column c, byte[] k, int[] pos, boolean last) {
        if (c.nullable() && k[pos[0]++] == 0) {
            return null;
        }
        switch (c.type()) {
            case BOOLEAN:
                return k[pos[0]++] != 0;
            case INTEGER:
                return getInt(k, pos) ^ Integer.MIN_VALUE;
            case DATE:
                return LocalDate.ofEpochDay(getInt(k, pos) ^ Integer.MIN_VALUE);
            case BIGINT:
                return getLong(k, pos) ^ Long.MIN_VALUE;
            case TIMESTAMP:
                return fromMicros(getLong(k, pos) ^ Long.MIN_VALUE);
            case DOUBLE: {
                long e = getLong(k, pos);
                return Double.longBitsToDouble(e < 0 ? e ^ Long.MIN_VALUE : ~e);
            }
            case VARCHAR:
                return new String(readBytes(k, pos, last), StandardCharsets.UTF_8);
            case BLOB:
                return readBytes(k, pos, last);
            default:
                throw new IllegalArgumentException("type " + c.type() + " cannot be part of a key");
        }
    }

    private static byte[] readBytes(byte[] k, int[] pos, boolean last) {
        if (last) {
            byte[] b = Arrays.copyOfRange(k, pos[0], k.length);
            pos[0] = k.length;
            return b;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int p = pos[0];
        while (true) {
            byte x = k[p++];
            if (x == 0) {
                byte y = k[p++];
                if (y == 0) {
                    break;
                }
                out.write(0);
            } else {
                out.write(x);
            }
        }
        pos[0] = p;
        return out.toByteArray();
    }

    private static int getInt(byte[] k, int[] pos) {
        int p = pos[0];
        pos[0] = p + 4;
        return (k[p] & 0xFF) << 24 | (k[p + 1] & 0xFF) << 16 | (k[p + 2] & 0xFF) << 8 | (k[p + 3] & 0xFF);
    }

    private static long getLong(byte[] k, int[] pos) {
        long hi = getInt(k, pos) & 0xFFFFFFFFL;
        long lo = getInt(k, pos) & 0xFFFFFFFFL;
        return hi << 32 | lo;
    }
}
