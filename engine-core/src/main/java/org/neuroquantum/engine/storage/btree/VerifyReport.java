package org.neuroquantum.engine.storage.btree;

/**
 * What {@link BTree#verify} found in a sound tree.
 *
 * @param rootPageId the root page
 * @param height levels from the root to the leaves (1 when the root is a leaf)
 * @param entries key-value pairs
 * @param leafPages leaf nodes
 * @param innerPages inner nodes
 * @param overflowPages pages of overflow chains
 * @param fillPercent bytes of slots and cells in use over the capacity of all nodes, in percent
 */
public record VerifyReport(long rootPageId, int height, long entries, long leafPages, long innerPages,
        long overflowPages, double fillPercent) {
}
