package org.neuroquantum.engine.txn;

import org.neuroquantum.spi.index.Index;

/** Finds an open index by its root page id: how rollback and recovery apply a logical undo. */
@FunctionalInterface
public interface IndexResolver {
    /**
     * The index whose root page is {@code rootPageId}.
     *
     * @throws org.neuroquantum.spi.error.StorageException when no such index exists (a damaged log or catalog)
     */
    Index index(long rootPageId);
}
