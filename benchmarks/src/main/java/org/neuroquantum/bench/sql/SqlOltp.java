package org.neuroquantum.bench.sql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.neuroquantum.bench.kv.Directories;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Single-row work through JDBC, one thread: point selects and 10-row range selects by primary key on a table of
 * {@link #rows} rows ({@code k BIGINT PRIMARY KEY, v VARCHAR(100)}, 100-character values), and inserts into a second
 * table with a commit per row (autocommit) and in batches of {@value #BATCH} rows per commit. Scores are
 * microseconds per row ({@code insertBatch} is per row too, through {@link OperationsPerInvocation}). A select that
 * returns the wrong number of rows fails the benchmark.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SqlOltp extends SqlBenchmark {
    /** Rows per batch of {@link #insertBatch}. */
    public static final int BATCH = 1_000;
    private static final String VALUE = "v".repeat(100);

    /** Rows in the select table. */
    @Param("100000")
    public int rows;

    private Connection connection;
    private PreparedStatement point;
    private PreparedStatement range;
    private PreparedStatement insert;
    private final SplittableRandom random = new SplittableRandom(11);
    private long nextInsertKey;

    /** Opens the database, loading the select table on first use, and empties the insert table. */
    @Setup(Level.Trial)
    public void open() throws Exception {
        Path dir = databaseDirectory("oltp-" + rows);
        Path marker = dir.resolve("loaded");
        if (!Files.exists(marker)) {
            Directories.delete(dir);
            try (Connection c = sqlEngine().open(dir)) {
                load(c);
            }
            Files.writeString(marker, rows + " rows\n");
        }
        connection = sqlEngine().open(dir);
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS ins");
            s.execute("CREATE TABLE ins (k BIGINT PRIMARY KEY, v VARCHAR(100) NOT NULL)");
        }
        point = connection.prepareStatement("SELECT v FROM kv WHERE k = ?");
        range = connection.prepareStatement("SELECT k, v FROM kv WHERE k BETWEEN ? AND ?");
        insert = connection.prepareStatement("INSERT INTO ins (k, v) VALUES (?, ?)");
    }

    private void load(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kv (k BIGINT PRIMARY KEY, v VARCHAR(100) NOT NULL)");
        }
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO kv (k, v) VALUES (?, ?)")) {
            for (int i = 0; i < rows; i++) {
                p.setLong(1, i);
                p.setString(2, VALUE);
                p.addBatch();
                if ((i + 1) % 10_000 == 0) {
                    p.executeBatch();
                    c.commit();
                }
            }
            p.executeBatch();
            c.commit();
        }
        c.setAutoCommit(true);
    }

    /** Closes the connection. */
    @TearDown(Level.Trial)
    public void close() throws SQLException {
        connection.close();
    }

    /** {@code SELECT v FROM kv WHERE k = ?} for a uniformly random existing key. */
    @Benchmark
    public String pointSelect() throws SQLException {
        point.setLong(1, random.nextInt(rows));
        try (ResultSet rs = point.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("point select found no row");
            }
            return rs.getString(1);
        }
    }

    /** {@code SELECT k, v FROM kv WHERE k BETWEEN ? AND ?} over 10 consecutive keys. */
    @Benchmark
    public int rangeSelect() throws SQLException {
        long from = random.nextInt(rows - 10);
        range.setLong(1, from);
        range.setLong(2, from + 9);
        int n = 0;
        try (ResultSet rs = range.executeQuery()) {
            while (rs.next()) {
                rs.getString(2);
                n++;
            }
        }
        if (n != 10) {
            throw new IllegalStateException("range select returned " + n + " rows, expected 10");
        }
        return n;
    }

    /** One row inserted and committed (autocommit). */
    @Benchmark
    public int insertCommitPerRow() throws SQLException {
        insert.setLong(1, nextInsertKey++);
        insert.setString(2, VALUE);
        return insert.executeUpdate();
    }

    /** {@value #BATCH} rows inserted as one JDBC batch in one transaction. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int[] insertBatch() throws SQLException {
        connection.setAutoCommit(false);
        for (int i = 0; i < BATCH; i++) {
            insert.setLong(1, nextInsertKey++);
            insert.setString(2, VALUE);
            insert.addBatch();
        }
        int[] counts = insert.executeBatch();
        connection.commit();
        connection.setAutoCommit(true);
        return counts;
    }
}
