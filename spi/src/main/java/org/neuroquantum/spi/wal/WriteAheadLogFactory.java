package org.neuroquantum.spi.wal;

import org.neuroquantum.spi.annotation.Evolving;
import org.neuroquantum.spi.provider.ProviderFactory;

/**
 * Opens write-ahead logs; selected by name with {@code wal}. Stateful: the provider's name and
 * {@link #formatVersion()} are recorded in the database's header page.
 */
@Evolving
public interface WriteAheadLogFactory extends ProviderFactory {
    /** The on-disk format version this provider writes. */
    int formatVersion();

    /** Opens (or creates) the log, cutting off a torn tail. */
    WriteAheadLog open(WriteAheadLogContext context);
}
