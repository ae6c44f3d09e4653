package org.neuroquantum.engine.sql.system;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.neuroquantum.engine.config.KernelConfig;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.spi.metrics.Counter;
import org.neuroquantum.spi.metrics.Histogram;
import org.neuroquantum.spi.metrics.Metrics;
import org.neuroquantum.spi.metrics.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the statements run on one database cost since it was opened, per normalized statement (the material of
 * {@code nq_stat_statements}), plus the slow-query log: a statement that took at least
 * {@value KernelConfig#SQL_SLOW_QUERY_THRESHOLD} gets one line in {@value #SLOW_LOG} of the database directory.
 * All statements also feed the kernel's Dropwizard metrics {@code sql.statements} (a timer),
 * {@code sql.rows} (a histogram of rows returned or changed), {@code sql.errors} and {@code sql.slow-statements}.
 *
 * <p>Thread-safe: the connections of one database share one instance.
 */
public final class StatementStatistics {
    /** File name of the slow-query log in the database directory. */
    public static final String SLOW_LOG = "slow-queries.log";
    /** Distinct normalized statements kept; later new ones are counted under {@link #OTHER}. */
    public static final int CAPACITY = 1000;
    /** The key under which statements beyond {@link #CAPACITY} are counted. */
    public static final String OTHER = "<other statements>";

    private static final Logger LOG = LoggerFactory.getLogger(StatementStatistics.class);
    private static final Map<Database, StatementStatistics> BY_DATABASE =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Statement texts seen before, so that a prepared statement run again is not normalized again. */
    private final Map<String, Entry> byText = new ConcurrentHashMap<>();
    private final Path slowLog;
    private final long slowNanos;
    private final Timer statements;
    private final Histogram rows;
    private final Counter errors;
    private final Counter slow;

    /** One normalized statement's totals. */
    public record Snapshot(String statement, long calls, long totalNanos, long maxNanos, long rows) {
    }

    private static final class Entry {
        private long calls;
        private long totalNanos;
        private long maxNanos;
        private long rows;

        synchronized void add(long nanos, long n) {
            calls++;
            totalNanos += nanos;
            maxNanos = Math.max(maxNanos, nanos);
            rows += n;
        }

        synchronized Snapshot snapshot(String statement) {
            return new Snapshot(statement, calls, totalNanos, maxNanos, rows);
        }
    }

    private StatementStatistics(Database database) {
        this.slowLog = database.directory().resolve(SLOW_LOG);
        Duration threshold = database.kernel().config().getDuration(KernelConfig.SQL_SLOW_QUERY_THRESHOLD);
        this.slowNanos = threshold.isZero() ? Long.MAX_VALUE : threshold.toNanos();
        Metrics metrics = database.kernel().metrics().scoped("sql");
        this.statements = metrics.timer("statements");
        this.rows = metrics.histogram("rows");
        this.errors = metrics.counter("errors");
        this.slow = metrics.counter("slow-statements");
    }

    /** The statistics of {@code database} (created on first use). */
    public static StatementStatistics of(Database database) {
        synchronized (BY_DATABASE) {
            return BY_DATABASE.computeIfAbsent(database, StatementStatistics::new);
        }
    }

    /**
     * Records a statement that completed.
     *
     * @param sql its text as given
     * @param nanos how long it took
     * @param rowCount rows it returned or changed
     * @param plan a one-line summary of its plan, asked for only when the statement was slow
     */
    public void record(String sql, long nanos, long rowCount, Supplier<String> plan) {
        Entry e = byText.get(sql);
        if (e == null) {
            String key = StatementNormalizer.normalize(sql);
            e = entries.get(key);
            if (e == null) {
                e = entries.size() < CAPACITY ? entries.computeIfAbsent(key, k -> new Entry())
                        : entries.computeIfAbsent(OTHER, k -> new Entry());
            }
            if (byText.size() < 4 * CAPACITY) {
                byText.putIfAbsent(sql, e);
            }
        }
        e.add(nanos, rowCount);
        statements.update(nanos);
        rows.update(rowCount);
        if (nanos >= slowNanos) {
            slow.increment();
            logSlow(sql, nanos, rowCount, plan);
        }
    }

    /** Counts a statement that failed (not in the per-statement totals). */
    public void recordError() {
        errors.increment();
    }

    /** Every normalized statement's totals, the most expensive (total time) first. */
    public List<Snapshot> snapshot() {
        List<Snapshot> out = new ArrayList<>();
        entries.forEach((k, e) -> out.add(e.snapshot(k)));
        out.sort(Comparator.comparingLong(Snapshot::totalNanos).reversed().thenComparing(Snapshot::statement));
        return out;
    }

    /** Forgets the totals (not the Dropwizard metrics). */
    public void reset() {
        byText.clear();
        entries.clear();
    }

    private void logSlow(String sql, long nanos, long rowCount, Supplier<String> plan) {
        String summary;
        try {
            summary = plan.get();
        } catch (RuntimeException e) {
            summary = "(no plan: " + e.getMessage() + ")";
        }
        String line = String.format(Locale.ROOT, "%s duration_ms=%.3f rows=%d statement=%s plan=%s%n",
                Instant.now(), nanos / 1e6, rowCount, oneLine(sql), oneLine(summary));
        synchronized (this) {
            try (Writer w = Files.newBufferedWriter(slowLog, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                w.write(line);
            } catch (IOException e) {
                LOG.warn("Slow query not written to {}: {}; {}", slowLog, e.getMessage(), line.strip());
            }
        }
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " | ").replaceAll("\\s+", " ");
    }
}
