package org.neuroquantum.spi.index;

import org.neuroquantum.spi.annotation.Evolving;

/**
 * The kernel transaction an index operation runs in. The index only passes it on to {@link PageAccess}, which
 * attributes log records (and so undo) to it.
 */
@Evolving
public interface IndexTransaction {
    /** The transaction's id, unique within the database's lifetime. */
    long id();
}
