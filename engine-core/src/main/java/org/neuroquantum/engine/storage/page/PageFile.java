package org.neuroquantum.engine.storage.page;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The file under a page store: positional reads and writes and a sync. A seam, so that tests can put a
 * fault-injecting file (dropped unsynced writes, torn writes, a full disk) under the real store.
 */
public interface PageFile extends AutoCloseable {
    /** Reads up to {@code dst.remaining()} bytes at {@code position}; returns the count, -1 at end of file. */
    int read(ByteBuffer dst, long position) throws IOException;

    /** Writes all of {@code src} at {@code position}. */
    void write(ByteBuffer src, long position) throws IOException;

    /** Makes every completed write durable. */
    void sync() throws IOException;

    /** The file's size in bytes. */
    long size() throws IOException;

    /** Makes the file's directory entry durable (after the file was created). */
    void syncDirectory() throws IOException;

    @Override
    void close() throws IOException;
}
