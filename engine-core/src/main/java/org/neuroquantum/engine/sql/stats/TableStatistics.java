package org.neuroquantum.engine.sql.stats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.neuroquantum.engine.sql.expr.ValueCodec;
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

    /** The catalog encoding: big-endian, strings as 4-byte length + UTF-8, values as {@link ValueCodec} writes them. */
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

    private static void string(DataOutputStream out, String v) throws IOException {
        ValueCodec.writeString(out, v);
    }

    private static String string(DataInputStream in) throws IOException {
        return ValueCodec.readString(in);
    }

    private static void value(DataOutputStream out, Object v) throws IOException {
        ValueCodec.write(out, v);
    }

    private static Object value(DataInputStream in) throws IOException {
        return ValueCodec.read(in);
    }
}
