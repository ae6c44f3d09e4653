/**
 * The built-in {@code btree} index provider: a B+ tree of variable-length byte keys and values over the buffer
 * pool, reached only through the index SPI ({@link org.neuroquantum.spi.index.PageAccess}). Every page change
 * goes through {@link org.neuroquantum.spi.index.PageHandle#update}, so the kernel logs it and recovery
 * replays it; the tree writes no log records of its own.
 *
 * <ul>
 *   <li>{@link org.neuroquantum.engine.storage.btree.BTreeIndexFactory}: the provider (name {@code btree},
 *   format version 1).</li>
 *   <li>{@link org.neuroquantum.engine.storage.btree.BTree}: one tree; its class comment describes the latch
 *   protocol that makes concurrent readers and writers safe.</li>
 *   <li>{@link org.neuroquantum.engine.storage.btree.VerifyReport}: what
 *   {@link org.neuroquantum.engine.storage.btree.BTree#verify} found in a sound tree.</li>
 * </ul>
 *
 * The page layout (node header, slots, cells, overflow pages) is documented in
 * {@code docs/file-format.md}, section "B+ tree pages". This package depends on the SPI and the JDK only.
 */
package org.neuroquantum.engine.storage.btree;
