package org.neuroquantum.bench.sql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.neuroquantum.bench.kv.Directories;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One TPC-H query ({@link TpchQueries}) on the database loaded at {@link #scale} (loaded on first use and kept
 * between runs; {@code ANALYZE} runs after the load on engines that collect statistics). The score is the mean time
 * of one execution with every result row read, after three warm-up iterations (a reopened database reads its pages
 * back first: NeuroQuantumDB's first executions after open ran 5–10× longer than later ones); a result with another row count than the query's fails the
 * benchmark.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class TpchQuery extends SqlBenchmark {
    /** The query. */
    @Param({"Q1", "Q3", "Q5", "Q6", "Q10"})
    public String query;

    /** TPC-H scale factor. */
    @Param("0.1")
    public double scale;

    private Connection connection;
    private String text;
    private int expectedRows;

    /** Opens the TPC-H database, loading it on first use. */
    @Setup(Level.Trial)
    public void open() throws Exception {
        text = TpchQueries.TEXT.get(query);
        if (text == null) {
            throw new IllegalArgumentException("Unknown query " + query + "; known: " + TpchQueries.TEXT.keySet());
        }
        expectedRows = TpchQueries.ROWS.get(query);
        Path dir = databaseDirectory("tpch-" + scale);
        Path marker = dir.resolve("loaded");
        if (!Files.exists(marker)) {
            Directories.delete(dir);
            try (Connection c = sqlEngine().open(dir)) {
                long rows = TpchLoader.load(sqlEngine(), c, scale);
                analyze(c);
                Files.writeString(marker, rows + " rows at scale " + scale + "\n");
            }
        }
        connection = sqlEngine().open(dir);
    }

    private void analyze(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        } catch (SQLException e) {
            // H2 and SQLite collect statistics with ANALYZE too; an engine without the statement plans without them.
            if (!"0A000".equals(e.getSQLState()) && !"42601".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /** Closes the connection. */
    @TearDown(Level.Trial)
    public void close() throws SQLException {
        connection.close();
    }

    /** Runs the query and reads every column of every row. */
    @Benchmark
    public int run() throws SQLException {
        int rows = 0;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(text)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
                rows++;
            }
        }
        if (rows != expectedRows) {
            throw new IllegalStateException(query + " returned " + rows + " rows, expected " + expectedRows);
        }
        return rows;
    }
}
