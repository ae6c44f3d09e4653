package org.neuroquantum.bench.kv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * SQLite through sqlite-jdbc: a {@code WITHOUT ROWID} table (a clustered B-tree keyed by {@code k}, like
 * NeuroQuantumDB's tables), {@code journal_mode=WAL}, {@code synchronous=FULL} (every commit syncs the WAL).
 *
 * <p>One writer connection, used under a lock because a JDBC connection is not thread-safe and SQLite admits one
 * writer at a time anyway; each reading thread gets its own connection (WAL mode lets readers run beside the
 * writer). {@code cache_size} is per connection: every connection gets the whole budget.
 */
final class SqliteEngine implements KvEngine {
    private static final String NAME = "sqlite";

    private final Object writeLock = new Object();
    private final List<Connection> readConnections = new ArrayList<>();
    private Path directory;
    private String url;
    private Properties properties;
    private long cacheBytes;
    private Connection writer;
    private PreparedStatement upsert;
    private PreparedStatement remove;
    private ThreadLocal<Reader> readers;

    /** A reading thread's connection and statements. */
    private record Reader(PreparedStatement get, PreparedStatement scan) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        String engine = "?";
        if (writer != null) {
            try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("SELECT sqlite_version()")) {
                rs.next();
                engine = rs.getString(1);
            } catch (SQLException e) {
                throw new KvEngineException(NAME, "version", e);
            }
        }
        return "SQLite " + engine + " (" + ArtifactVersion.of("org.xerial", "sqlite-jdbc") + ")";
    }

    @Override
    public void open(Path dir, KvOptions options) {
        try {
            Files.createDirectories(dir);
            directory = dir;
            cacheBytes = options.cacheBytes();
            url = "jdbc:sqlite:" + dir.resolve("kv.sqlite");
            properties = new Properties();
            properties.setProperty("journal_mode", "WAL");
            properties.setProperty("synchronous", "FULL");
            properties.setProperty("busy_timeout", "60000");
            writer = connect();
            try (Statement s = writer.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS kv (k BLOB PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID");
            }
            writer.setAutoCommit(false);
            upsert = writer.prepareStatement("INSERT OR REPLACE INTO kv (k, v) VALUES (?, ?)");
            remove = writer.prepareStatement("DELETE FROM kv WHERE k = ?");
            readers = ThreadLocal.withInitial(this::newReader);
        } catch (Exception e) {
            throw new KvEngineException(NAME, "open " + dir, e);
        }
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, properties);
        try (Statement s = c.createStatement()) {
            // Applied per connection: the pragmas in the URL properties do not cover these.
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA cache_size=-" + (cacheBytes >> 10));
        }
        return c;
    }

    private Reader newReader() {
        try {
            Connection c = connect();
            synchronized (readConnections) {
                readConnections.add(c);
            }
            return new Reader(c.prepareStatement("SELECT v FROM kv WHERE k = ?"),
                    c.prepareStatement("SELECT k, v FROM kv WHERE k >= ? AND k < ? ORDER BY k"));
        } catch (SQLException e) {
            throw new KvEngineException(NAME, "open a reader connection", e);
        }
    }

    @Override
    public void put(byte[] key, byte[] value) {
        synchronized (writeLock) {
            try {
                upsert.setBytes(1, key);
                upsert.setBytes(2, value);
                upsert.executeUpdate();
                writer.commit();
            } catch (SQLException e) {
                rollbackQuietly(e);
                throw new KvEngineException(NAME, "put", e);
            }
        }
    }

    @Override
    public void putBatch(byte[][] keys, byte[][] values, int from, int to) {
        synchronized (writeLock) {
            try {
                for (int i = from; i < to; i++) {
                    upsert.setBytes(1, keys[i]);
                    upsert.setBytes(2, values[i]);
                    upsert.executeUpdate();
                }
                writer.commit();
            } catch (SQLException e) {
                rollbackQuietly(e);
                throw new KvEngineException(NAME, "putBatch", e);
            }
        }
    }

    @Override
    public void delete(byte[] key) {
        synchronized (writeLock) {
            try {
                remove.setBytes(1, key);
                remove.executeUpdate();
                writer.commit();
            } catch (SQLException e) {
                rollbackQuietly(e);
                throw new KvEngineException(NAME, "delete", e);
            }
        }
    }

    private void rollbackQuietly(SQLException cause) {
        try {
            writer.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public byte[] get(byte[] key) {
        PreparedStatement get = readers.get().get();
        try {
            get.setBytes(1, key);
            try (ResultSet rs = get.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new KvEngineException(NAME, "get", e);
        }
    }

    @Override
    public int scan(byte[] fromInclusive, byte[] toExclusive, RowVisitor visitor) {
        PreparedStatement scan = readers.get().scan();
        int rows = 0;
        try {
            scan.setBytes(1, fromInclusive);
            scan.setBytes(2, toExclusive);
            try (ResultSet rs = scan.executeQuery()) {
                while (rs.next()) {
                    visitor.visit(rs.getBytes(1), rs.getBytes(2));
                    rows++;
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new KvEngineException(NAME, "scan", e);
        }
    }

    @Override
    public String cacheDescription() {
        return "page cache (cache_size) of " + (cacheBytes >> 20) + " MB per connection; mmap off (default)";
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        SQLException failure = null;
        synchronized (readConnections) {
            for (Connection c : readConnections) {
                try {
                    c.close();
                } catch (SQLException e) {
                    failure = e;
                }
            }
            readConnections.clear();
        }
        readers = null;
        if (writer != null) {
            try {
                writer.close();
            } catch (SQLException e) {
                failure = e;
            }
            writer = null;
        }
        if (failure != null) {
            throw new KvEngineException(NAME, "close", failure);
        }
    }
}
