package org.neuroquantum.engine.sql.exec;

import java.util.ArrayList;
import java.util.List;
import org.neuroquantum.engine.table.ColumnType;

/**
 * What a statement returns: rows (for a query) or an update count. A query's rows are either held in a list or
 * streamed from a {@link Cursor}: read them one at a time with {@link #nextRow()} (the JDBC result set does) or
 * all at once with {@link #rows()}. A streamed result holds its transaction's resources until it is read to the
 * end or {@link #close() closed}.
 *
 * <p>Not thread-safe, except {@link #context()}'s cancel and progress methods.
 */
public final class StatementResult implements AutoCloseable {
    /** Rows produced one at a time. */
    public interface Cursor {
        /** The next row, or null at the end. */
        Object[] next();

        /** Releases the rows not read (and whatever the statement holds). */
        void close();
    }

    private final List<String> names;
    private final List<ColumnType> types;
    private final long updateCount;
    private final ExecContext context;
    private List<Object[]> buffered;
    private int position;
    private Cursor cursor;
    private Object[] pending;

    /**
     * @param names output column names (empty unless a query)
     * @param types output column types
     * @param rows the rows
     * @param updateCount rows changed by INSERT/UPDATE/DELETE; -1 for a query, 0 for other statements
     */
    public StatementResult(List<String> names, List<ColumnType> types, List<Object[]> rows, long updateCount) {
        this(names, types, rows, null, updateCount, null);
    }

    private StatementResult(List<String> names, List<ColumnType> types, List<Object[]> rows, Cursor cursor,
            long updateCount, ExecContext context) {
        this.names = List.copyOf(names);
        this.types = types;
        this.buffered = rows;
        this.cursor = cursor;
        this.updateCount = updateCount;
        this.context = context;
    }

    /** A query result whose rows come from {@code cursor}; {@code context} lets others cancel it or watch it. */
    public static StatementResult streaming(List<String> names, List<ColumnType> types, Cursor cursor,
            ExecContext context) {
        return new StatementResult(names, types, null, cursor, -1, context);
    }

    /** The result of a statement that changed {@code count} rows. */
    public static StatementResult updated(long count) {
        return new StatementResult(List.of(), List.of(), List.of(), count);
    }

    /** Output column names (empty unless a query). */
    public List<String> names() {
        return names;
    }

    /** Output column types. */
    public List<ColumnType> types() {
        return types;
    }

    /** Rows changed by INSERT/UPDATE/DELETE; -1 for a query, 0 for other statements. */
    public long updateCount() {
        return updateCount;
    }

    /** Whether this is the result of a query. */
    public boolean isQuery() {
        return updateCount < 0;
    }

    /** Whether the rows still come from a cursor (not all read yet). */
    public boolean isStreaming() {
        return cursor != null;
    }

    /** The running statement's context (cancel, progress), or null for a result held in memory. */
    public ExecContext context() {
        return context;
    }

    /**
     * Reads the first row ahead, so that a statement failing on it fails now (where its caller expects errors)
     * rather than at the first fetch.
     */
    public void prefetch() {
        if (cursor != null && pending == null) {
            pending = cursor.next();
            if (pending == null) {
                cursor = null;
                buffered = List.of();
            }
        }
    }

    /** The next row, or null at the end. */
    public Object[] nextRow() {
        if (pending != null) {
            Object[] r = pending;
            pending = null;
            return r;
        }
        if (cursor != null) {
            Object[] r = cursor.next();
            if (r == null) {
                cursor = null;
            }
            return r;
        }
        return buffered != null && position < buffered.size() ? buffered.get(position++) : null;
    }

    /** The rows not read yet with {@link #nextRow()} (all of them when none was), reading a cursor to its end. */
    public List<Object[]> rows() {
        if (cursor != null || pending != null) {
            List<Object[]> all = new ArrayList<>();
            if (pending != null) {
                all.add(pending);
                pending = null;
            }
            Object[] r;
            while (cursor != null && (r = cursor.next()) != null) {
                all.add(r);
            }
            cursor = null;
            buffered = all;
            position = 0;
        }
        if (buffered == null) {
            return List.of();
        }
        return position == 0 ? buffered : buffered.subList(position, buffered.size());
    }

    /** Reads a streaming cursor to its end into memory, so the statement's resources are released now. */
    public void materialize() {
        if (cursor != null || pending != null) {
            List<Object[]> rest = rows();
            buffered = rest;
            position = 0;
        }
    }

    /** Drops the rows not read and releases the statement's resources. */
    @Override
    public void close() {
        if (cursor != null) {
            Cursor c = cursor;
            cursor = null;
            c.close();
        }
        buffered = null;
        pending = null;
    }
}
