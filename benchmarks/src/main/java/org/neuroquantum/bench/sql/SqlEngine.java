package org.neuroquantum.bench.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * The engines the SQL benchmarks compare, each embedded and opened on a directory through its JDBC driver with the
 * same durability per commit where the engine offers it:
 *
 * <ul>
 *   <li>NeuroQuantumDB: {@code sync.mode=commit} (the default; every commit syncs the WAL, group commit).</li>
 *   <li>SQLite: {@code journal_mode=WAL}, {@code synchronous=FULL} (every commit syncs the WAL).</li>
 *   <li>H2: MVStore file database. H2 writes a commit to the file at once ({@code WRITE_DELAY=0}) but does not sync
 *       it per commit; it has no setting that does, so its commits are cheaper than the other two engines'.
 *       {@code OPTIMIZE_REUSE_RESULTS=FALSE}: H2 otherwise answers a repeated query from the previous result while
 *       no table changed, which would time a cache lookup instead of the query.</li>
 * </ul>
 *
 * SQLite has no DATE type: dates are stored as ISO-8601 text, which orders and compares like dates, so the same
 * query text (with date literals written as {@code 'yyyy-mm-dd'} strings) runs on all three.
 */
public enum SqlEngine {
    /** NeuroQuantumDB's JDBC driver. */
    NEUROQUANTUM("neuroquantum"),
    /** sqlite-jdbc. */
    SQLITE("sqlite"),
    /** H2 (MVStore). */
    H2("h2");

    private final String label;

    SqlEngine(String label) {
        this.label = label;
    }

    /** The name used in {@code @Param} values and the report. */
    public String label() {
        return label;
    }

    /** The engine named {@code label}; fails naming the known ones. */
    public static SqlEngine named(String label) {
        return Arrays.stream(values()).filter(e -> e.label.equals(label.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown SQL engine '" + label + "'; known: "
                        + Arrays.stream(values()).map(SqlEngine::label).toList()));
    }

    /** Opens (creating if needed) the database in {@code directory}. */
    public Connection open(Path directory) throws SQLException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new SQLException("cannot create " + directory, e);
        }
        return switch (this) {
            case NEUROQUANTUM -> DriverManager.getConnection("jdbc:neuroquantum:" + directory.toAbsolutePath());
            case SQLITE -> {
                Connection c = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("db.sqlite"));
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("PRAGMA synchronous=FULL");
                    s.execute("PRAGMA cache_size=-262144"); // 256 MB, the size of the other engines' caches
                }
                yield c;
            }
            case H2 -> {
                Connection c = DriverManager.getConnection("jdbc:h2:" + directory.toAbsolutePath().resolve("db")
                        + ";WRITE_DELAY=0;CACHE_SIZE=262144;OPTIMIZE_REUSE_RESULTS=FALSE");
                yield c;
            }
        };
    }

    /** Binds a date parameter the way the engine stores dates. */
    public void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
        if (this == SQLITE) {
            statement.setString(index, date.toString());
        } else {
            statement.setObject(index, date);
        }
    }

    /** The engine's product name and version, as its driver reports them. */
    public String version(Connection connection) throws SQLException {
        var meta = connection.getMetaData();
        return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " (driver "
                + meta.getDriverVersion() + ")";
    }
}
