package org.neuroquantum.engine.sql.exec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.neuroquantum.engine.sql.bind.Query;
import org.neuroquantum.engine.sql.expr.ValueCodec;
import org.neuroquantum.engine.sql.expr.Values;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

/**
 * Reads its whole input and passes it on ordered by the sort keys, which are the row's columns from
 * {@code first} on (stable: equal rows keep their input order). Rows are held in memory up to the working memory;
 * beyond it the sort becomes an external merge sort: each full buffer is sorted and written to a temporary file
 * (a run, in the JVM's temporary directory, deleted when the node closes), and the runs are merged at the end
 * (ties go to the earlier run, which keeps the sort stable).
 */
final class Sort extends Operator {
    private final Operator input;
    private final List<Query.SortKey> keys;
    private final int first;
    private final Comparator<Object[]> order;
    private List<Object[]> rows;
    private int position;
    private final List<Path> runs = new ArrayList<>();
    private final List<DataInputStream> readers = new ArrayList<>();
    private PriorityQueue<Head> merge;
    private long spilledRows;
    private int runsWritten;

    /** The current row of one run during the merge. */
    private record Head(Object[] row, int run) {
    }

    Sort(ExecContext ctx, Operator input, List<Query.SortKey> keys, int first) {
        super(ctx, input);
        this.input = input;
        this.keys = keys;
        this.first = first;
        this.order = comparator(keys, first);
    }

    @Override
    protected void doOpen(Object[] outer) {
        doClose();
        rows = new ArrayList<>();
        spilledRows = 0;
        runsWritten = 0;
        long bytes = 0;
        input.open(outer);
        try {
            Object[] r;
            while ((r = input.next()) != null) {
                long size = ExecContext.sizeOf(r) + 8;
                if (bytes + size > ctx.workMemory() && !rows.isEmpty()) {
                    spill();
                    bytes = 0;
                }
                rows.add(r);
                bytes += size;
                remember(bytes);
            }
        } finally {
            input.close();
        }
        rows.sort(order);
        position = 0;
        if (!runs.isEmpty()) {
            spill();
            merge = new PriorityQueue<>((a, b) -> {
                int c = order.compare(a.row(), b.row());
                return c != 0 ? c : Integer.compare(a.run(), b.run());
            });
            for (int i = 0; i < runs.size(); i++) {
                try {
                    readers.add(new DataInputStream(new BufferedInputStream(Files.newInputStream(runs.get(i)))));
                } catch (IOException e) {
                    throw spillFailed(e);
                }
                advance(i);
            }
        }
    }

    private void spill() {
        rows.sort(order);
        try {
            Path run = Files.createTempFile("nq-sort-", ".run");
            runs.add(run);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run)))) {
                for (Object[] r : rows) {
                    out.writeInt(r.length);
                    for (Object v : r) {
                        ValueCodec.write(out, v);
                    }
                }
            }
        } catch (IOException e) {
            throw spillFailed(e);
        }
        spilledRows += rows.size();
        runsWritten++;
        rows = new ArrayList<>();
    }

    private void advance(int run) {
        DataInputStream in = readers.get(run);
        try {
            int n;
            try {
                n = in.readInt();
            } catch (EOFException end) {
                return;
            }
            Object[] r = new Object[n];
            for (int i = 0; i < n; i++) {
                r[i] = ValueCodec.read(in);
            }
            merge.add(new Head(r, run));
        } catch (IOException e) {
            throw spillFailed(e);
        }
    }

    private NeuroQuantumException spillFailed(IOException e) {
        return new NeuroQuantumException(ErrorCode.STORAGE_IO, "The Sort of this statement could not use its "
                + "temporary files: " + e.getMessage() + ".", "Check the space and permissions of the temporary "
                + "directory (java.io.tmpdir), or raise sql.work-memory.", e);
    }

    @Override
    protected Object[] doNext() {
        if (merge != null) {
            Head h = merge.poll();
            if (h == null) {
                return null;
            }
            advance(h.run());
            return h.row();
        }
        return position < rows.size() ? rows.get(position++) : null;
    }

    @Override
    protected void doClose() {
        rows = null;
        merge = null;
        for (DataInputStream in : readers) {
            try {
                in.close();
            } catch (IOException e) {
                // Deleting the file below matters more.
            }
        }
        readers.clear();
        for (Path run : runs) {
            try {
                Files.deleteIfExists(run);
            } catch (IOException e) {
                // Best effort: the file is in the temporary directory, which the system cleans.
            }
        }
        runs.clear();
    }

    @Override
    public String label() {
        return "Sort";
    }

    @Override
    public List<String> details() {
        List<String> d = super.details();
        StringBuilder b = new StringBuilder("Sort Key: ");
        for (int i = 0; i < keys.size(); i++) {
            Query.SortKey k = keys.get(i);
            b.append(i == 0 ? "" : ", ").append(k.expr().describe()).append(k.descending() ? " DESC" : "")
                    .append(k.nullsFirst() != k.descending() ? " NULLS " + (k.nullsFirst() ? "FIRST" : "LAST") : "");
        }
        d.add(b.toString());
        if (spilledRows > 0) {
            d.add("Sort Method: external merge, " + spilledRows + " rows spilled in " + runsWritten
                    + " runs");
        } else if (actualRows() > 0 || loops() > 0) {
            d.add("Sort Method: in memory");
        }
        return d;
    }

    static Comparator<Object[]> comparator(List<Query.SortKey> keys, int first) {
        return (a, b) -> {
            for (int i = 0; i < keys.size(); i++) {
                Query.SortKey k = keys.get(i);
                Object x = a[first + i];
                Object y = b[first + i];
                if (x == null || y == null) {
                    if (x == y) {
                        continue;
                    }
                    // NULL placement is independent of the direction.
                    return (x == null) == k.nullsFirst() ? -1 : 1;
                }
                int c = Values.compare(x, y);
                if (c != 0) {
                    return k.descending() ? -c : c;
                }
            }
            return 0;
        };
    }
}
