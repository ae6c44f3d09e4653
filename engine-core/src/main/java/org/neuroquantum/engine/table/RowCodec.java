package org.neuroquantum.engine.table;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * The row format: the value stored in a table's clustered index under the row's key. It holds the columns that
 * are not part of the primary key, in column order (key columns are decoded from the key). Layout
 * ({@code docs/file-format.md}, "Row format"), integers little-endian:
 *
 * <pre>
 * varint  n: number of stored columns
 * ceil(n/8) bytes  null bitmap, bit i (least significant first) set when stored column i is NULL
 * then each non-NULL stored column:
 *   BOOLEAN 1 byte; INTEGER, DATE (epoch day) 4 bytes; BIGINT, TIMESTAMP (epoch micros), DOUBLE (IEEE bits) 8 bytes;
 *   DECIMAL: zigzag varint scale, varint length, unscaled value two's complement big-endian;
 *   VARCHAR (UTF-8), BLOB: varint length, bytes
 * </pre>
 *
 * Varints are unsigned LEB128. A row with fewer stored columns than the schema (a column added later) reads the
 * missing ones as NULL.
 */
public final class RowCodec {
    private RowCodec() {
    }

    /** Encodes the non-key columns of {@code row} (already checked against {@code schema}). */
    public static byte[] encode(TableSchema schema, Object[] row) {
        int n = schema.size() - schema.primaryKey().length;
        Out out = new Out(16 + n * 8);
        out.varint(n);
        int bitmapAt = out.len;
        int bitmapBytes = (n + 7) / 8;
        out.reserve(bitmapBytes);
        out.len += bitmapBytes;
        int stored = 0;
        for (int i = 0; i < schema.size(); i++) {
            if (schema.isKeyColumn(i)) {
                continue;
            }
            Object v = row[i];
            if (v == null) {
                out.buf[bitmapAt + stored / 8] |= (byte) (1 << (stored % 8));
            } else {
                write(out, schema.columns().get(i).type(), v);
            }
            stored++;
        }
        return Arrays.copyOf(out.buf, out.len);
    }

    private static void write(Out out, ColumnType type, Object v) {
        switch (type) {
            case BOOLEAN -> out.u8((Boolean) v ? 1 : 0);
            case INTEGER -> out.i32((Integer) v);
            case DATE -> out.i32(Math.toIntExact(((LocalDate) v).toEpochDay()));
            case BIGINT -> out.i64((Long) v);
            case TIMESTAMP -> out.i64(KeyCodec.micros((LocalDateTime) v));
            case DOUBLE -> out.i64(Double.doubleToRawLongBits((Double) v));
            case DECIMAL -> {
                BigDecimal d = (BigDecimal) v;
                out.varint(d.scale() << 1 ^ d.scale() >> 31);
                byte[] unscaled = d.unscaledValue().toByteArray();
                out.varint(unscaled.length);
                out.bytes(unscaled);
            }
            case VARCHAR -> {
                byte[] b = ((String) v).getBytes(StandardCharsets.UTF_8);
                out.varint(b.length);
                out.bytes(b);
            }
            case BLOB -> {
                byte[] b = (byte[]) v;
                out.varint(b.length);
                out.bytes(b);
            }
            default -> throw new IllegalStateException("unknown type " + type);
        }
    }

    /** Decodes a full row from its key values (in primary key order) and its stored value. */
    public static Object[] decode(TableSchema schema, Object[] keyValues, byte[] value) {
        Object[] row = new Object[schema.size()];
        int[] pk = schema.primaryKey();
        for (int k = 0; k < pk.length; k++) {
            row[pk[k]] = keyValues[k];
        }
        int[] pos = {0};
        int n = (int) varint(value, pos);
        int bitmapAt = pos[0];
        pos[0] += (n + 7) / 8;
        int stored = 0;
        for (int i = 0; i < schema.size(); i++) {
            if (schema.isKeyColumn(i)) {
                continue;
            }
            if (stored < n && (value[bitmapAt + stored / 8] & 1 << (stored % 8)) == 0) {
                row[i] = read(value, pos, schema.columns().get(i).type());
            }
            stored++;
        }
        return row;
    }

    private static Object read(byte[] b, int[] pos, ColumnType type) {
        switch (type) {
            case BOOLEAN:
                return b[pos[0]++] != 0;
            case INTEGER:
                return i32(b, pos);
            case DATE:
                return LocalDate.ofEpochDay(i32(b, pos));
            case BIGINT:
                return i64(b, pos);
            case TIMESTAMP:
                return KeyCodec.fromMicros(i64(b, pos));
            case DOUBLE:
                return Double.longBitsToDouble(i64(b, pos));
            case DECIMAL: {
                int z = (int) varint(b, pos);
                int scale = z >>> 1 ^ -(z & 1);
                int len = (int) varint(b, pos);
                BigInteger unscaled = new BigInteger(b, pos[0], len);
                pos[0] += len;
                return new BigDecimal(unscaled, scale);
            }
            case VARCHAR: {
                int len = (int) varint(b, pos);
                String s = new String(b, pos[0], len, StandardCharsets.UTF_8);
                pos[0] += len;
                return s;
            }
            case BLOB: {
                int len = (int) varint(b, pos);
                byte[] out = Arrays.copyOfRange(b, pos[0], pos[0] + len);
                pos[0] += len;
                return out;
            }
            default:
                throw new IllegalStateException("unknown type " + type);
        }
    }

    static long varint(byte[] b, int[] pos) {
        long v = 0;
        int shift = 0;
        while (true) {
            byte x = b[pos[0]++];
            v |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                return v;
            }
            shift += 7;
        }
    }

    private static int i32(byte[] b, int[] pos) {
        int p = pos[0];
        pos[0] = p + 4;
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }

    private static long i64(byte[] b, int[] pos) {
        long lo = i32(b, pos) & 0xFFFFFFFFL;
        long hi = i32(b, pos) & 0xFFFFFFFFL;
        return hi << 32 | lo;
    }

    /** A growable byte array. */
    static final class Out {
        byte[] buf;
        int len;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        void reserve(int n) {
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
        }

        void u8(int x) {
            reserve(1);
            buf[len++] = (byte) x;
        }

        void i32(int x) {
            reserve(4);
            buf[len++] = (byte) x;
            buf[len++] = (byte) (x >>> 8);
            buf[len++] = (byte) (x >>> 16);
            buf[len++] = (byte) (x >>> 24);
        }

        void i64(long x) {
            i32((int) x);
            i32((int) (x >>> 32));
        }

        void varint(long x) {
            while ((x & ~0x7FL) != 0) {
                u8((int) (x & 0x7F) | 0x80);
                x >>>= 7;
            }
            u8((int) x);
        }

        void bytes(byte[] b) {
            reserve(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length);
            bytes(b);
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, len);
        }
    }
}
