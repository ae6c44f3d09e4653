package org.neuroquantum.engine.storage.buffer;

/**
 * The kernel's header at the start of every page (after the page store's checksum), as documented in
 * {@code docs/file-format.md}: bytes 0-3 checksum (page store), 4-11 page LSN, 12 page type, 13-15 reserved.
 */
public final class PageLayout {
    /** Offset of the page LSN: the LSN of the last log record that changed the page. */
    public static final int PAGE_LSN = 4;
    /** Offset of the page type byte. */
    public static final int PAGE_TYPE = 12;
    /** Bytes of the kernel's page header; page content starts here. */
    public static final int HEADER_BYTES = 16;

    private PageLayout() {
    }
}
