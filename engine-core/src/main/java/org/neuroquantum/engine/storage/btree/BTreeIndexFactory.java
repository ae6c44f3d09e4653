package org.neuroquantum.engine.storage.btree;

import java.util.Objects;
import org.neuroquantum.spi.index.IndexContext;
import org.neuroquantum.spi.index.IndexFactory;
import org.neuroquantum.spi.index.IndexTransaction;

/**
 * The built-in index provider {@code btree}: B+ trees with variable-length keys, values inline or in overflow
 * pages, and doubly linked leaves for range scans in both directions. Stateless and thread-safe.
 *
 * <p>Limits: a key may be up to a quarter of a node's capacity (993 bytes with 4 KB pages, see
 * {@link #maxKeyBytes}); a value up to {@link #MAX_VALUE_BYTES}. {@link #maxEntryBytes} is their sum. The
 * index throws {@link IllegalArgumentException} for a longer key or value.
 */
public final class BTreeIndexFactory implements IndexFactory {
    /** The provider name. */
    public static final String NAME = "btree";
    /** The page format this provider writes and reads. */
    public static final int FORMAT_VERSION = Node.FORMAT_VERSION;
    /** The longest value, in bytes (values beyond a quarter of a page go to overflow pages). */
    public static final int MAX_VALUE_BYTES = 16 * 1024 * 1024;

    /** Instantiated by the kernel's provider registry. */
    public BTreeIndexFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "B+ tree with variable-length keys, overflow pages for large values, concurrent readers and writers "
                + "(latch coupling) and range scans in both directions.";
    }

    @Override
    public int formatVersion() {
        return FORMAT_VERSION;
    }

    /** The longest key for pages of {@code usablePageBytes} usable bytes. */
    public static int maxKeyBytes(int usablePageBytes) {
        return new Geometry(usablePageBytes).maxKeyBytes();
    }

    @Override
    public int maxEntryBytes(int usablePageBytes) {
        return maxKeyBytes(usablePageBytes) + MAX_VALUE_BYTES;
    }

    @Override
    public BTree create(IndexContext context, IndexTransaction transaction) {
        Objects.requireNonNull(context, "context");
        return BTree.create(context, transaction);
    }

    /**
     * Opens the tree rooted at {@code rootPageId}. No page is read here (the SPI gives no transaction to read
     * with); the root's header, including its format version, is checked by the first operation.
     */
    @Override
    public BTree open(IndexContext context, long rootPageId) {
        Objects.requireNonNull(context, "context");
        if (rootPageId < 0) {
            throw new IllegalArgumentException("root page id must not be negative: " + rootPageId);
        }
        return new BTree(context, rootPageId);
    }
}
