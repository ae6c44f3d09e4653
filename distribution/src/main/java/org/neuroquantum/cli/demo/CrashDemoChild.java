package org.neuroquantum.cli.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.neuroquantum.engine.Kernel;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.engine.table.TableSchema;
import org.neuroquantum.engine.txn.Transaction;

/**
 * The child process of {@code neuroquantum demo crash}: inserts sensor readings in transactions of
 * {@value #BATCH} rows, printing {@code ACK n} (rows committed so far) after each commit and {@code LOADED} once
 * the requested rows are in; then it keeps inserting (the write burst) until it is killed.
 *
 * <p>Arguments: database directory, rows, installation home, configuration file (or {@code -}), overrides.
 */
public final class CrashDemoChild {
    /** Rows per transaction. */
    public static final int BATCH = 1000;
    /** The table the demo writes. */
    public static final String TABLE = "readings";

    private CrashDemoChild() {
    }

    /** The demo table: sensor readings. */
    public static TableSchema schema() {
        return TableSchema.builder().notNull("id", ColumnType.BIGINT).column("sensor", ColumnType.VARCHAR)
                .column("temp", ColumnType.DOUBLE).column("ts", ColumnType.TIMESTAMP).primaryKey("id").build();
    }

    /** The row with id {@code id}: the same every time, so the reader can check it. */
    public static Object[] row(long id) {
        return new Object[] {id, "sensor-" + (id % 100), 15.0 + (id * 7919 % 2000) / 100.0,
            LocalDateTime.of(2026, 1, 1, 0, 0).plusSeconds(id)};
    }

    static RawConfig config(String configFile, String[] overrides, int from) {
        RawConfig raw = "-".equals(configFile) ? RawConfig.empty() : RawConfig.load(Path.of(configFile));
        for (int i = from; i < overrides.length; i++) {
            raw.addOverride(overrides[i]);
        }
        return raw;
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        Path home = Path.of(args[2]);
        RawConfig raw = config(args[3], args, 4);
        PrintStream out = new PrintStream(System.out, false);
        Database db = Database.open(dir, Kernel.start(Kernel.Options.installation(home, raw)));
        Table table = db.createTable(TABLE, schema());
        long id = 0;
        boolean loaded = false;
        while (true) {
            try (Transaction tx = db.begin()) {
                for (int i = 0; i < BATCH; i++) {
                    table.insert(tx, row(id + i));
                }
                tx.commit();
            }
            id += BATCH;
            out.println("ACK " + id);
            if (!loaded && id >= rows) {
                loaded = true;
                out.println("LOADED");
            }
            out.flush();
        }
    }
}
