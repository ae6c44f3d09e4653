package org.neuroquantum.engine.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import org.neuroquantum.engine.storage.btree.BTreeIndexFactory;
import org.neuroquantum.engine.storage.page.FilePageStoreFactory;
import org.neuroquantum.engine.storage.wal.FileWriteAheadLogFactory;
import org.neuroquantum.spi.Plugin;
import org.neuroquantum.spi.config.ConfigDef;
import org.neuroquantum.spi.index.IndexFactory;
import org.neuroquantum.spi.storage.PageStoreFactory;
import org.neuroquantum.spi.wal.WriteAheadLogFactory;

/**
 * The providers built into the kernel, offered through the same {@link Plugin} contract as any plugin so that
 * selection by name, listings and error messages treat them alike. It appears as the plugin {@value #NAME}
 * at location {@value #LOCATION}.
 */
public final class BuiltinProviders implements Plugin {
    /** The name under which the built-in providers are listed. */
    public static final String NAME = "kernel";
    /** The location shown for them. */
    public static final String LOCATION = "built-in";

    private final List<PageStoreFactory> pageStores = List.of(new FilePageStoreFactory());
    private final List<WriteAheadLogFactory> logs = List.of(new FileWriteAheadLogFactory());
    private final List<IndexFactory> indexes = List.of(new BTreeIndexFactory());

    /** Instantiated by the kernel. */
    public BuiltinProviders() {
    }

    @Override
    public List<PageStoreFactory> pageStoreFactories() {
        return pageStores;
    }

    @Override
    public List<WriteAheadLogFactory> writeAheadLogFactories() {
        return logs;
    }

    @Override
    public List<IndexFactory> indexFactories() {
        return indexes;
    }

    @Override
    public ConfigDef configDef() {
        return FileWriteAheadLogFactory.configDef();
    }

    /** The engine-core version, from the build. */
    public static String engineVersion() {
        try (InputStream in = BuiltinProviders.class.getResourceAsStream("/org/neuroquantum/engine/engine-version.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("engine.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
