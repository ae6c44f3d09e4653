/**
 * The built-in {@code file} page store: fixed-size pages with CRC32C checksums, two alternating header copies
 * and a persistent free list, over a {@link org.neuroquantum.engine.storage.page.PageFile} seam that tests use
 * to inject faults.
 */
package org.neuroquantum.engine.storage.page;
