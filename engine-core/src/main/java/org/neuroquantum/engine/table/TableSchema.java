package org.neuroquantum.engine.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

/**
 * The columns of a table and which of them form its primary key. A table without a primary key is keyed by a
 * hidden 64-bit row id the database assigns. Immutable.
 */
public final class TableSchema {
    private final List<Column> columns;
    private final int[] primaryKey;
    private final boolean[] inKey;

    private TableSchema(List<Column> columns, int[] primaryKey) {
        this.columns = List.copyOf(columns);
        this.primaryKey = primaryKey.clone();
        this.inKey = new boolean[columns.size()];
        for (int i : primaryKey) {
            inKey[i] = true;
        }
    }

    /**
     * A schema; {@code primaryKey} holds column positions (empty: hidden row id).
     *
     * @throws NeuroQuantumException {@code INVALID_DEFINITION} for duplicate column names, a key column that is
     *     nullable or of a type that cannot be a key, or a position out of range
     */
    public static TableSchema of(List<Column> columns, int... primaryKey) {
        if (columns.isEmpty()) {
            throw invalid("A table needs at least one column.");
        }
        for (int i = 0; i < columns.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (columns.get(i).name().equalsIgnoreCase(columns.get(j).name())) {
                    throw invalid("Column " + columns.get(i).name() + " is defined twice.");
                }
            }
        }
        boolean[] seen = new boolean[columns.size()];
        for (int p : primaryKey) {
            if (p < 0 || p >= columns.size() || seen[p]) {
                throw invalid("Primary key column position " + p + " is out of range or repeated.");
            }
            seen[p] = true;
            Column c = columns.get(p);
            if (c.nullable()) {
                throw invalid("Primary key column " + c.name() + " must be NOT NULL.");
            }
            if (!c.type().keyable()) {
                throw invalid("Column " + c.name() + " of type " + c.type() + " cannot be part of a key.");
            }
        }
        return new TableSchema(columns, primaryKey);
    }

    static NeuroQuantumException invalid(String what) {
        return new NeuroQuantumException(ErrorCode.INVALID_DEFINITION, what, "Correct the table definition.");
    }

    /** A builder: columns in order, then the primary key by name. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TableSchema}. */
    public static final class Builder {
        private final List<Column> columns = new ArrayList<>();
        private final List<String> key = new ArrayList<>();

        /** Adds a nullable column. */
        public Builder column(String name, ColumnType type) {
            columns.add(new Column(name, type, true));
            return this;
        }

        /** Adds a NOT NULL column. */
        public Builder notNull(String name, ColumnType type) {
            columns.add(new Column(name, type, false));
            return this;
        }

        /** Adds a column as given (with its nullability and default). */
        public Builder add(Column column) {
            columns.add(column);
            return this;
        }

        /** Names the primary key columns, in key order; they become NOT NULL. */
        public Builder primaryKey(String... names) {
            key.addAll(Arrays.asList(names));
            return this;
        }

        public TableSchema build() {
            List<Column> cols = new ArrayList<>(columns);
            int[] pk = new int[key.size()];
            for (int k = 0; k < pk.length; k++) {
                int found = -1;
                for (int i = 0; i < cols.size(); i++) {
                    if (cols.get(i).name().equalsIgnoreCase(key.get(k))) {
                        found = i;
                    }
                }
                if (found < 0) {
                    throw new NeuroQuantumException(ErrorCode.UNDEFINED_COLUMN, "Primary key column " + key.get(k)
                            + " is not a column of the table.", "Name one of the table's columns.");
                }
                Column c = cols.get(found);
                cols.set(found, c.withNullable(false));
                pk[k] = found;
            }
            return of(cols, pk);
        }
    }

    /** The columns, in order. */
    public List<Column> columns() {
        return columns;
    }

    /** The number of columns. */
    public int size() {
        return columns.size();
    }

    /** Positions of the primary key columns, in key order (empty: hidden row id). */
    public int[] primaryKey() {
        return primaryKey.clone();
    }

    /** Whether rows are keyed by a hidden row id. */
    public boolean hasHiddenRowId() {
        return primaryKey.length == 0;
    }

    /** Whether column {@code position} is part of the primary key. */
    public boolean isKeyColumn(int position) {
        return inKey[position];
    }

    /** The position of the column named {@code name} (case-insensitive), or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Checks a full row: its length, each value's type, NOT NULL.
     *
     * @throws NeuroQuantumException {@code DATA_INVALID} or {@code NOT_NULL_VIOLATION} naming the column
     */
    public void checkRow(String table, Object[] row) {
        if (row.length != columns.size()) {
            throw new NeuroQuantumException(ErrorCode.DATA_INVALID, "A row of " + table + " has " + columns.size()
                    + " values; " + row.length + " were given.", "Give one value per column, in column order.");
        }
        for (int i = 0; i < row.length; i++) {
            Column c = columns.get(i);
            if (row[i] == null) {
                if (!c.nullable()) {
                    throw new NeuroQuantumException(ErrorCode.NOT_NULL_VIOLATION, "Column " + c.name() + " of "
                            + table + " is NOT NULL but the value is NULL.", "Give the column a value.");
                }
            } else {
                c.type().check(c.name(), row[i]);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableSchema s && s.columns.equals(columns) && Arrays.equals(s.primaryKey, primaryKey);
    }

    @Override
    public int hashCode() {
        return columns.hashCode() * 31 + Arrays.hashCode(primaryKey);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            b.append(i == 0 ? "" : ", ").append(c.name()).append(' ')
                    .append(c.type().name().toLowerCase(Locale.ROOT)).append(c.nullable() ? "" : " not null")
                    .append(c.defaultValue() == null ? "" : " default " + c.defaultValue());
        }
        if (primaryKey.length > 0) {
            b.append(", primary key (");
            for (int k = 0; k < primaryKey.length; k++) {
                b.append(k == 0 ? "" : ", ").append(columns.get(primaryKey[k]).name());
            }
            b.append(')');
        }
        return b.append(')').toString();
    }
}
