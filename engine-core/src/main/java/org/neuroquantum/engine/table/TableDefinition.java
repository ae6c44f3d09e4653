package org.neuroquantum.engine.table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;

/**
 * A table as the catalog records it: name, clustered index root, schema, secondary indexes. Its catalog encoding
 * ({@code docs/file-format.md}, "Catalog"), integers little-endian, strings as varint length + UTF-8:
 *
 * <pre>
 * u8      format version (1, or 2 when a column has a DEFAULT)
 * string  table name
 * i64     root page of the clustered index
 * varint  column count, then per column: string name, u8 type code, u8 nullable (0/1);
 *         version 2 only: u8 has default (0/1), then if 1 the default's SQL text (string)
 * varint  primary key column count, then their positions (varint)
 * varint  index count, then per index: string name, i64 root page, u8 unique, varint column count, positions
 * </pre>
 *
 * @param name the table's name
 * @param rootPageId root page of the clustered index (the table's identity)
 * @param schema its columns and primary key
 * @param indexes its secondary indexes
 */
public record TableDefinition(String name, long rootPageId, TableSchema schema, List<IndexDefinition> indexes) {
    static final int FORMAT_VERSION = 1;
    /** The version written when a column has a default (version 1 files stay byte-identical). */
    static final int FORMAT_VERSION_DEFAULTS = 2;

    public TableDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        indexes = List.copyOf(indexes);
    }

    /** This definition with one more index. */
    public TableDefinition withIndex(IndexDefinition index) {
        List<IndexDefinition> all = new ArrayList<>(indexes);
        all.add(index);
        return new TableDefinition(name, rootPageId, schema, all);
    }

    /** This definition without the index named {@code indexName}. */
    public TableDefinition withoutIndex(String indexName) {
        List<IndexDefinition> all = new ArrayList<>(indexes);
        all.removeIf(i -> i.name().equalsIgnoreCase(indexName));
        return new TableDefinition(name, rootPageId, schema, all);
    }

    /** Encodes for the catalog. */
    public byte[] encode() {
        RowCodec.Out out = new RowCodec.Out(64);
        boolean defaults = schema.columns().stream().anyMatch(c -> c.defaultValue() != null);
        out.u8(defaults ? FORMAT_VERSION_DEFAULTS : FORMAT_VERSION);
        out.string(name);
        out.i64(rootPageId);
        out.varint(schema.size());
        for (Column c : schema.columns()) {
            out.string(c.name());
            out.u8(c.type().code());
            out.u8(c.nullable() ? 1 : 0);
            if (defaults) {
                out.u8(c.defaultValue() != null ? 1 : 0);
                if (c.defaultValue() != null) {
                    out.string(c.defaultValue());
                }
            }
        }
        int[] pk = schema.primaryKey();
        out.varint(pk.length);
        for (int p : pk) {
            out.varint(p);
        }
        out.varint(indexes.size());
        for (IndexDefinition i : indexes) {
            out.string(i.name());
            out.i64(i.rootPageId());
            out.u8(i.unique() ? 1 : 0);
            int[] cols = i.columns();
            out.varint(cols.length);
            for (int p : cols) {
                out.varint(p);
            }
        }
        return out.toArray();
    }

    /**
     * Decodes a catalog entry.
     *
     * @throws StorageException {@code STORAGE_CORRUPT} when it is damaged
     */
    public static TableDefinition decode(byte[] bytes) {
        try {
            In in = new In(bytes);
            int version = in.u8();
            if (version != FORMAT_VERSION && version != FORMAT_VERSION_DEFAULTS) {
                throw new IllegalArgumentException("format version " + version);
            }
            String name = in.string();
            long root = in.i64();
            int n = in.varint();
            List<Column> columns = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String cname = in.string();
                ColumnType type = ColumnType.ofCode((byte) in.u8());
                if (type == null) {
                    throw new IllegalArgumentException("unknown type of column " + cname);
                }
                boolean nullable = in.u8() != 0;
                String defaultValue = version == FORMAT_VERSION_DEFAULTS && in.u8() != 0 ? in.string() : null;
                columns.add(new Column(cname, type, nullable, defaultValue));
            }
            int[] pk = new int[in.varint()];
            for (int k = 0; k < pk.length; k++) {
                pk[k] = in.varint();
            }
            int ni = in.varint();
            List<IndexDefinition> indexes = new ArrayList<>(ni);
            for (int i = 0; i < ni; i++) {
                String iname = in.string();
                long iroot = in.i64();
                boolean unique = in.u8() != 0;
                int[] cols = new int[in.varint()];
                for (int k = 0; k < cols.length; k++) {
                    cols[k] = in.varint();
                }
                indexes.add(new IndexDefinition(iname, iroot, cols, unique));
            }
            if (in.pos != bytes.length) {
                throw new IllegalArgumentException((bytes.length - in.pos) + " trailing bytes");
            }
            return new TableDefinition(name, root, TableSchema.of(columns, pk), indexes);
        } catch (RuntimeException e) {
            throw new StorageException(ErrorCode.STORAGE_CORRUPT, "A catalog entry is damaged: " + e.getMessage()
                    + ".", "Restore the database from a backup.", e);
        }
    }

    private static final class In {
        final byte[] b;
        int pos;

        In(byte[] b) {
            this.b = b;
        }

        int u8() {
            return b[pos++] & 0xFF;
        }

        int varint() {
            int[] p = {pos};
            long v = RowCodec.varint(b, p);
            pos = p[0];
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("varint out of range");
            }
            return (int) v;
        }

        long i64() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v |= (long) (b[pos++] & 0xFF) << (8 * i);
            }
            return v;
        }

        String string() {
            int n = varint();
            String s = new String(b, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }
    }
}
