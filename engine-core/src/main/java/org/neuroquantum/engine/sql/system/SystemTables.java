package org.neuroquantum.engine.sql.system;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.Metric;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.neuroquantum.engine.db.AccessStatistics;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.plugin.PluginRecord;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.engine.table.IndexDefinition;
import org.neuroquantum.engine.table.TableSchema;
import org.neuroquantum.engine.txn.lock.LockMode;
import org.neuroquantum.engine.txn.lock.LockWait;
import org.neuroquantum.spi.ExtensionPoint;

/** The built-in system tables, and how a name in FROM finds one. */
public final class SystemTables {
    private static final List<SystemTable> ALL = List.of(
            table("nq_stat_statements", "Per normalized statement (literals replaced by ?) since the database was "
                    + "opened: calls, total, mean and max time in milliseconds, rows returned or changed; most "
                    + "expensive first.",
                    TableSchema.builder().column("query", ColumnType.VARCHAR).column("calls", ColumnType.BIGINT)
                            .column("total_ms", ColumnType.DOUBLE).column("mean_ms", ColumnType.DOUBLE)
                            .column("max_ms", ColumnType.DOUBLE).column("rows", ColumnType.BIGINT).build(),
                    SystemTables::statements),
            table("nq_stat_indexes", "Per table and access method since the database was opened: full scans, "
                    + "primary key and secondary index scans (point lookups included) and the rows they returned.",
                    TableSchema.builder().column("table_name", ColumnType.VARCHAR)
                            .column("index_name", ColumnType.VARCHAR).column("kind", ColumnType.VARCHAR)
                            .column("scans", ColumnType.BIGINT).column("rows_read", ColumnType.BIGINT).build(),
                    SystemTables::indexes),
            table("nq_locks", "Transactions waiting for a lock now: what they wait for, in which mode, for how "
                    + "long, who holds it and whom exactly they wait for; longest wait first.",
                    TableSchema.builder().column("txn_id", ColumnType.BIGINT).column("table_name", ColumnType.VARCHAR)
                            .column("resource", ColumnType.VARCHAR).column("mode", ColumnType.VARCHAR)
                            .column("held_mode", ColumnType.VARCHAR).column("waited_ms", ColumnType.DOUBLE)
                            .column("holders", ColumnType.VARCHAR).column("blocked_by", ColumnType.VARCHAR).build(),
                    SystemTables::locks),
            table("nq_plugins", "Every plugin found (and the kernel's built-in providers): one row per provider "
                    + "with its extension point, whether it is the one configured, or the reason a plugin did not "
                    + "load.",
                    TableSchema.builder().column("plugin", ColumnType.VARCHAR).column("version", ColumnType.VARCHAR)
                            .column("spi_version", ColumnType.VARCHAR).column("extension_point", ColumnType.VARCHAR)
                            .column("provider", ColumnType.VARCHAR).column("in_use", ColumnType.BOOLEAN)
                            .column("loaded", ColumnType.BOOLEAN).column("location", ColumnType.VARCHAR)
                            .column("problem", ColumnType.VARCHAR).build(),
                    SystemTables::plugins),
            table("nq_metrics", "The kernel's Dropwizard metrics (buffer pool, write-ahead log, locks, "
                    + "transactions, checkpoints, SQL): counters and gauges with their value, timers with count, "
                    + "mean, p99 and max in milliseconds.",
                    TableSchema.builder().column("name", ColumnType.VARCHAR).column("kind", ColumnType.VARCHAR)
                            .column("count", ColumnType.BIGINT).column("value", ColumnType.DOUBLE)
                            .column("mean", ColumnType.DOUBLE).column("p99", ColumnType.DOUBLE)
                            .column("max", ColumnType.DOUBLE).build(),
                    SystemTables::metrics));

    private SystemTables() {
    }

    /** Every system table, in documentation order. */
    public static List<SystemTable> all() {
        return ALL;
    }

    /**
     * The table a FROM item names: a user table, or else a snapshot of the system table of that name; a name
     * that is neither fails as {@link Database#table} does (with near names).
     */
    public static Table readable(Database database, String name) {
        Optional<Table> user = database.findTable(name);
        if (user.isPresent()) {
            return user.get();
        }
        for (int i = 0; i < ALL.size(); i++) {
            SystemTable s = ALL.get(i);
            if (s.name().equalsIgnoreCase(name)) {
                return Table.snapshot(s.name(), s.schema(), s.rows(database), database.transactions(), -1L - i);
            }
        }
        return database.table(name);
    }

    private static SystemTable table(String name, String description, TableSchema schema,
            Function<Database, List<Object[]>> rows) {
        return new SystemTable() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public TableSchema schema() {
                return schema;
            }

            @Override
            public List<Object[]> rows(Database database) {
                return rows.apply(database);
            }
        };
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e3) / 1e3;
    }

    private static List<Object[]> statements(Database database) {
        List<Object[]> out = new ArrayList<>();
        for (StatementStatistics.Snapshot s : StatementStatistics.of(database).snapshot()) {
            out.add(new Object[] {s.statement(), s.calls(), millis(s.totalNanos()),
                s.calls() == 0 ? 0.0 : millis(s.totalNanos() / s.calls()), millis(s.maxNanos()), s.rows()});
        }
        return out;
    }

    private static List<Object[]> indexes(Database database) {
        List<Object[]> out = new ArrayList<>();
        for (String name : database.tableNames()) {
            for (AccessStatistics a : database.table(name).accessStatistics()) {
                out.add(new Object[] {a.table(), a.index(), a.kind(), a.scans(), a.rowsRead()});
            }
        }
        return out;
    }

    private static List<Object[]> locks(Database database) {
        Map<Long, String> relations = new HashMap<>();
        for (String name : database.tableNames()) {
            Table t = database.table(name);
            relations.put(t.definition().rootPageId(), name);
            for (IndexDefinition i : t.definition().indexes()) {
                relations.put(i.rootPageId(), name + "." + i.name());
            }
        }
        List<Object[]> out = new ArrayList<>();
        for (LockWait w : database.transactions().locks().currentWaits()) {
            long relation = w.key().relationId();
            String table = relations.getOrDefault(relation, "relation " + relation);
            String resource = w.key().isRelation() ? "table" : "key " + HexFormat.of().formatHex(w.key().key());
            StringBuilder holders = new StringBuilder();
            w.holders().forEach((txn, mode) -> holders.append(holders.length() == 0 ? "" : ", ").append(txn)
                    .append(':').append(mode));
            out.add(new Object[] {w.txnId(), table, resource, mode(w.mode()), mode(w.heldMode()),
                millis(w.waited().toNanos()), holders.toString(),
                String.join(", ", w.blockedBy().stream().map(String::valueOf).toList())});
        }
        return out;
    }

    private static String mode(LockMode m) {
        return m == null ? null : m.name();
    }

    private static List<Object[]> plugins(Database database) {
        List<Object[]> out = new ArrayList<>();
        for (PluginRecord r : database.kernel().plugins().records()) {
            String name = r.displayName();
            String version = r.descriptor() == null ? null : r.descriptor().version();
            String spi = r.descriptor() == null ? null : String.valueOf(r.descriptor().spiVersion());
            String problem = r.error() == null ? null : r.error().getMessage();
            if (r.provides().isEmpty()) {
                out.add(new Object[] {name, version, spi, null, null, false, r.loaded(), r.location(), problem});
            }
            for (String p : r.provides()) {
                int colon = p.indexOf(':');
                String point = colon < 0 ? p : p.substring(0, colon);
                String provider = colon < 0 ? null : p.substring(colon + 1);
                out.add(new Object[] {name, version, spi, point, provider,
                    r.loaded() && inUse(database, point, provider), r.loaded(), r.location(), problem});
            }
        }
        return out;
    }

    private static boolean inUse(Database database, String pointId, String provider) {
        for (ExtensionPoint point : ExtensionPoint.values()) {
            if (point.id().equals(pointId)) {
                Object configured = database.kernel().config().get(point.configKey());
                if (configured instanceof List<?> list) {
                    return list.stream().anyMatch(v -> String.valueOf(v).equalsIgnoreCase(provider));
                }
                return configured != null && String.valueOf(configured).equalsIgnoreCase(provider);
            }
        }
        return false;
    }

    private static List<Object[]> metrics(Database database) {
        List<Object[]> out = new ArrayList<>();
        for (Map.Entry<String, Metric> e : new TreeMap<>(database.kernel().metrics().registry().getMetrics())
                .entrySet()) {
            Metric m = e.getValue();
            String name = e.getKey();
            if (m instanceof Counter c) {
                out.add(new Object[] {name, "counter", c.getCount(), (double) c.getCount(), null, null, null});
            } else if (m instanceof Gauge<?> g) {
                Object v = g.getValue();
                Double value = v instanceof Number n ? n.doubleValue() : null;
                out.add(new Object[] {name, "gauge", null, value, null, null, null});
            } else if (m instanceof Timer t) {
                Snapshot s = t.getSnapshot();
                out.add(new Object[] {name, "timer (ms)", t.getCount(), null, millis((long) s.getMean()),
                    millis((long) s.get99thPercentile()), millis(s.getMax())});
            } else if (m instanceof Histogram h) {
                Snapshot s = h.getSnapshot();
                out.add(new Object[] {name, "histogram", h.getCount(), null, Math.round(s.getMean() * 1000) / 1000.0,
                    s.get99thPercentile(), (double) s.getMax()});
            } else if (m instanceof Meter meter) {
                out.add(new Object[] {name, "meter", meter.getCount(), meter.getOneMinuteRate(), null, null, null});
            } else {
                out.add(new Object[] {name, m.getClass().getSimpleName().toLowerCase(Locale.ROOT), null, null, null,
                    null, null});
            }
        }
        return out;
    }
}
