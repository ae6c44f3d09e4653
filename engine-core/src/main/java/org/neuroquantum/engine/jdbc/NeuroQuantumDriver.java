package org.neuroquantum.engine.jdbc;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.engine.db.Database;

/**
 * The JDBC driver for {@code jdbc:neuroquantum:<directory>}, registered through {@code META-INF/services}.
 * Configuration keys (as in {@code docs/configuration.md}) may follow the directory as a query,
 * {@code jdbc:neuroquantum:/data/db?buffer.pool.size=64MB&sync.mode=full}, or come as connection properties whose
 * names contain a dot; they apply when the connection is the first to open the directory in this JVM.
 */
public final class NeuroQuantumDriver implements Driver {
    /** The URL prefix this driver accepts. */
    public static final String PREFIX = "jdbc:neuroquantum:";

    static {
        try {
            DriverManager.registerDriver(new NeuroQuantumDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        String rest = url.substring(PREFIX.length());
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        if (path.isBlank()) {
            throw new SQLException("The URL " + url + " names no directory; use jdbc:neuroquantum:<directory>.",
                    "08001");
        }
        RawConfig config = RawConfig.empty();
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("[&;]")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new SQLException("The URL parameter '" + pair + "' is not key=value.", "08001");
                }
                config.set(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)), "JDBC URL");
            }
        }
        if (info != null) {
            for (String key : info.stringPropertyNames()) {
                if (key.contains(".")) {
                    config.set(key, info.getProperty(key), "JDBC connection properties");
                }
            }
        }
        Database database;
        try {
            database = DatabaseRegistry.acquire(Path.of(path), config);
        } catch (IOException e) {
            throw new SQLException("Cannot open " + path + ": " + e.getMessage(), "08001", e);
        } catch (RuntimeException e) {
            throw JdbcErrors.of(e);
        }
        return new NqConnection(url, database);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 0;
    }

    @Override
    public int getMinorVersion() {
        return 1;
    }

    /** Not yet: the driver does not pass the JDBC compliance suite. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("The driver logs through SLF4J, not java.util.logging.", "0A000");
    }
}
