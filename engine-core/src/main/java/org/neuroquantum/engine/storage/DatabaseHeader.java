package org.neuroquantum.engine.storage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import org.neuroquantum.engine.storage.buffer.PageLayout;
import org.neuroquantum.spi.ExtensionPoint;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;

/**
 * Page 0 of every database: the header format version, the page size, when the database was created, and the
 * name and on-disk format version of each stateful provider (page store, WAL, index) that wrote it. A database
 * is only opened with the same providers in a format version they can read; anything else is refused naming
 * what was expected. The layout is in {@code docs/file-format.md} ("Database header page").
 *
 * @param pageSize the page size the database was created with
 * @param createdMillis creation time, milliseconds since the epoch
 * @param providers extension point id to the provider that wrote that part of the database
 * @param catalogRootPageId the root page of the catalog index (0 before the catalog exists)
 */
public record DatabaseHeader(int pageSize, long createdMillis, Map<String, Stamp> providers, long catalogRootPageId) {
    /** Version of this header layout. */
    public static final int FORMAT_VERSION = 2;
    /** Page type byte of the header page. */
    public static final byte PAGE_TYPE = 1;
    static final byte[] MAGIC = "NQDBHEAD".getBytes(StandardCharsets.US_ASCII);

    /**
     * A provider's name and the format version it wrote.
     *
     * @param name the provider name, e.g. {@code file}
     * @param formatVersion its on-disk format version
     */
    public record Stamp(String name, int formatVersion) {
    }

    /** Copies the provider map, keeping its order. */
    public DatabaseHeader {
        providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
    }

    /** A header without a catalog yet. */
    public DatabaseHeader(int pageSize, long createdMillis, Map<String, Stamp> providers) {
        this(pageSize, createdMillis, providers, 0);
    }

    /** This header with the catalog's root page. */
    public DatabaseHeader withCatalogRoot(long rootPageId) {
        return new DatabaseHeader(pageSize, createdMillis, providers, rootPageId);
    }

    /** Writes the header into {@code page} (a whole page, little-endian), after the kernel's page header. */
    public void writeTo(ByteBuffer page) {
        ByteBuffer b = page.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        b.put(PageLayout.PAGE_TYPE, PAGE_TYPE);
        b.position(PageLayout.HEADER_BYTES);
        b.put(MAGIC).putInt(FORMAT_VERSION).putInt(pageSize).putLong(createdMillis).putShort((short) providers.size());
        for (Map.Entry<String, Stamp> e : providers.entrySet()) {
            putString(b, e.getKey());
            putString(b, e.getValue().name());
            b.putInt(e.getValue().formatVersion());
        }
        b.putLong(catalogRootPageId);
    }

    /**
     * Reads the header from page 0.
     *
     * @param database how messages name the database
     * @throws StorageException {@code STORAGE_FORMAT_MISMATCH} when the page is not a NeuroQuantumDB header or
     *     has a newer header format
     */
    public static DatabaseHeader readFrom(ByteBuffer page, String database) {
        ByteBuffer b = page.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[MAGIC.length];
        b.position(PageLayout.HEADER_BYTES);
        b.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new StorageException(ErrorCode.STORAGE_FORMAT_MISMATCH,
                    database + " is not a NeuroQuantumDB database (page 0 holds no database header).",
                    "Check the path; a database directory holds the files NeuroQuantumDB created there.");
        }
        int version = b.getInt();
        if (version != FORMAT_VERSION) {
            throw new StorageException(ErrorCode.STORAGE_FORMAT_MISMATCH,
                    database + " has database header format version " + version + "; this NeuroQuantumDB reads "
                            + "version " + FORMAT_VERSION + ".",
                    "Open it with the NeuroQuantumDB version that created it.");
        }
        int pageSize = b.getInt();
        long created = b.getLong();
        int count = b.getShort();
        Map<String, Stamp> providers = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String point = getString(b);
            providers.put(point, new Stamp(getString(b), b.getInt()));
        }
        return new DatabaseHeader(pageSize, created, providers, b.getLong());
    }

    /**
     * Checks that the configured provider for {@code point} may open this database.
     *
     * @param configured the configured provider's name
     * @param canRead whether it reads a given format version
     * @throws StorageException {@code STORAGE_FORMAT_MISMATCH} naming what the database expects
     */
    public void checkProvider(ExtensionPoint point, String configured, IntPredicate canRead, String database) {
        Stamp stamp = providers.get(point.id());
        if (stamp == null) {
            throw new StorageException(ErrorCode.STORAGE_FORMAT_MISMATCH,
                    database + " records no " + point.id() + " provider.", "Restore the database from a backup.");
        }
        if (!stamp.name().equals(configured)) {
            throw new StorageException(ErrorCode.STORAGE_FORMAT_MISMATCH,
                    database + " was written by the " + point.id() + " provider '" + stamp.name()
                            + "', but " + point.configKey() + " selects '" + configured + "'.",
                    "Set " + point.configKey() + "=" + stamp.name() + " (installing the plugin that provides it, if "
                            + "needed) to open this database.");
        }
        if (!canRead.test(stamp.formatVersion())) {
            throw new StorageException(ErrorCode.STORAGE_FORMAT_MISMATCH,
                    database + " was written by " + point.id() + " provider '" + stamp.name() + "' in format version "
                            + stamp.formatVersion() + ", which the installed '" + stamp.name() + "' cannot read.",
                    "Install the version of the provider that wrote the database.");
        }
    }

    private static void putString(ByteBuffer b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 255) {
            throw new IllegalArgumentException("name too long for the database header: " + s);
        }
        b.put((byte) bytes.length).put(bytes);
    }

    private static String getString(ByteBuffer b) {
        byte[] bytes = new byte[b.get() & 0xff];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
