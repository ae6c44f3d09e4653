package org.neuroquantum.engine.sql.stats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

/**
 * What ANALYZE found about a table; stored in the catalog by {@code Database.storeStatistics} in the encoding of
 * {@link #encode()} (docs/file-format.md, "Table statistics").
 *
 * @param rowCount rows at the time of ANALYZE
 * @param analyzedAtMillis when ANALYZE ran (epoch milliseconds)
 * @param columns one entry per column, in column order
 */
public record TableStatistics(long rowCount, long analyzedAtMillis, List<ColumnStatistics> columns) {
    /** The encoding's version byte. */
    public static final int FORMAT_VERSION = 1;

    public TableStatistics {
        columns = List.copyOf(columns);
    }

    /** The statistics of the named column (case-insensitive). */
    public Optional<ColumnStatistics> column(String name) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The catalog encoding: big-endian, strings as 4-byte length + UTF-8. */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeLong(rowCount);
            out.writeLong(analyzedAtMillis);
            out.writeInt(columns.size());
            for (ColumnStatistics c : columns) {
                string(out, c.name());
                out.writeLong(c.distinct());
                out.writeDouble(c.nullFraction());
                value(out, c.min());
                value(out, c.max());
                out.writeInt(c.histogram().size());
                for (Object v : c.histogram()) {
                    value(out, v);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes {@link #encode()}'s bytes.
     *
     * @throws NeuroQuantumException {@code XX001} naming the table when they are damaged or of an unknown version
     */
    public static TableStatistics decode(byte[] encoded, String table) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int version = in.readUnsignedByte();
            if (version != FORMAT_VERSION) {
                throw new IOException("unknown format version " + version);
            }
            long rows = in.readLong();
            long at = in.readLong();
            int n = in.readInt();
            List<ColumnStatistics> columns = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = string(in);
                long distinct = in.readLong();
                double nulls = in.readDouble();
                Object min = value(in);
                Object max = value(in);
                int h = in.readInt();
                List<Object> histogram = new ArrayList<>();
                for (int k = 0; k < h; k++) {
                    histogram.add(value(in));
                }
                columns.add(new ColumnStatistics(name, distinct, nulls, min, max, histogram));
            }
            return new TableStatistics(rows, at, columns);
        } catch (IOException | RuntimeException e) {
            throw new NeuroQuantumException(ErrorCode.STORAGE_CORRUPT, "The statistics of table " + table
                    + " in the catalog are damaged: " + e.getMessage() + ".", "Run ANALYZE " + table
                    + " to collect them again.");
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Tag byte (0 NULL, 1 BOOLEAN … 9 BLOB as the catalog's type codes) and the value. */
    private static void value(DataOutputStream out, Object v) throws IOException {
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
            string(out, d.toString());
        } else if (v instanceof String s) {
            out.writeByte(6);
            string(out, s);
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
            throw new IllegalArgumentException("no statistics encoding for " + v.getClass());
        }
    }

    private static Object value(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case 0 -> null;
            case 1 -> in.readBoolean();
            case 2 -> in.readInt();
            case 3 -> in.readLong();
            case 4 -> in.readDouble();
            case 5 -> new BigDecimal(string(in));
            case 6 -> string(in);
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
