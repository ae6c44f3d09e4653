package org.neuroquantum.engine.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.engine.db.Database;

/**
 * One open {@link Database} per directory per JVM, shared by all connections to it and closed when the last one
 * closes. A database can be opened only once at a time (it owns its files), so connections must share it.
 */
final class DatabaseRegistry {
    private static final Map<Path, Entry> OPEN = new HashMap<>();

    private static final class Entry {
        final Database database;
        int references;

        Entry(Database database) {
            this.database = database;
        }
    }

    private DatabaseRegistry() {
    }

    /** The database in {@code directory}, opened with {@code config} unless already open (then it is ignored). */
    static synchronized Database acquire(Path directory, RawConfig config) throws IOException {
        Files.createDirectories(directory);
        Path key = directory.toRealPath();
        Entry e = OPEN.get(key);
        if (e == null) {
            e = new Entry(Database.open(key, config));
            OPEN.put(key, e);
        }
        e.references++;
        return e.database;
    }

    /** Gives back one reference; the last closes the database. */
    static synchronized void release(Database database) {
        Path key = database.directory();
        for (Map.Entry<Path, Entry> e : OPEN.entrySet()) {
            if (e.getValue().database == database) {
                if (--e.getValue().references == 0) {
                    OPEN.remove(e.getKey());
                    database.close();
                }
                return;
            }
        }
        throw new IllegalStateException("not registered: " + key);
    }

    /** The number of connections holding the database in {@code directory} (for tests). */
    static synchronized int references(Path directory) throws IOException {
        Entry e = OPEN.get(directory.toRealPath());
        return e == null ? 0 : e.references;
    }
}
