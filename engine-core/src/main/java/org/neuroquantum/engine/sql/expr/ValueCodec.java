package org.neuroquantum.engine.sql.expr;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A self-describing binary encoding of SQL values (big-endian): a tag byte — 0 NULL, 1 BOOLEAN, 2 INTEGER,
 * 3 BIGINT, 4 DOUBLE, 5 DECIMAL, 6 VARCHAR, 7 DATE, 8 TIMESTAMP, 9 BLOB (the catalog's type codes) — and the
 * payload: 1, 4 or 8 bytes for the fixed-size types, a string (4-byte length + UTF-8) for DECIMAL (its plain text)
 * and VARCHAR, the 8-byte epoch day for DATE, the 8-byte epoch second (UTC) and 4-byte nanosecond for TIMESTAMP,
 * 4-byte length + bytes for BLOB. Used for stored statistics and for sort runs spilled to disk.
 */
public final class ValueCodec {
    private ValueCodec() {
    }

    /** Writes a string as a 4-byte length and its UTF-8 bytes. */
    public static void writeString(DataOutput out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** Reads what {@link #writeString} wrote. */
    public static String readString(DataInput in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Writes a value (tag and payload). */
    public static void write(DataOutput out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(0);
        } else if (v instanceof Boolean b) {
            out.writeByte(1);
            out.writeBoolean(b);
        } else if (v instanceof Integer i) {
            out.writeByte(2);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(3);
            out.writeLong(l);
        } else if (v instanceof Double d) {
            out.writeByte(4);
            out.writeDouble(d);
        } else if (v instanceof BigDecimal d) {
            out.writeByte(5);
            writeString(out, d.toString());
        } else if (v instanceof String s) {
            out.writeByte(6);
            writeString(out, s);
        } else if (v instanceof LocalDate d) {
            out.writeByte(7);
            out.writeLong(d.toEpochDay());
        } else if (v instanceof LocalDateTime t) {
            out.writeByte(8);
            out.writeLong(t.toEpochSecond(ZoneOffset.UTC));
            out.writeInt(t.getNano());
        } else if (v instanceof byte[] b) {
            out.writeByte(9);
            out.writeInt(b.length);
            out.write(b);
        } else {
            throw new IllegalArgumentException("no encoding for " + v.getClass());
        }
    }

    /**
     * Reads a value.
     *
     * @throws IOException on an unknown tag or a short input
     */
    public static Object read(DataInput in) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case 0 -> null;
            case 1 -> in.readBoolean();
            case 2 -> in.readInt();
            case 3 -> in.readLong();
            case 4 -> in.readDouble();
            case 5 -> new BigDecimal(readString(in));
            case 6 -> readString(in);
            case 7 -> LocalDate.ofEpochDay(in.readLong());
            case 8 -> LocalDateTime.ofEpochSecond(in.readLong(), in.readInt(), ZoneOffset.UTC);
            case 9 -> {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                yield b;
            }
            default -> throw new IOException("unknown value tag " + tag);
        };
    }
}
