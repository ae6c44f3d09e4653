package org.neuroquantum.engine.storage.wal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Every file operation of the write-ahead log, behind a seam small enough for a test double that keeps
 * written and synced bytes apart (to drop unsynced writes at a simulated crash), tears writes, counts syncs
 * and runs out of space. {@link FileWalIo} is the real thing.
 */
interface WalIo {
    /**
     * Opens a segment file.
     *
     * @param write {@code true} to open for reading and writing, {@code false} for reading only
     * @param create {@code true} to create the file when it does not exist (only with {@code write})
     */
    WalChannel open(Path file, boolean write, boolean create) throws IOException;

    /** The names of the regular files in {@code dir}. */
    List<String> list(Path dir) throws IOException;

    /** Deletes a file; a missing file is not an error. */
    void delete(Path file) throws IOException;

    /** Creates {@code dir} and its parents when missing. */
    void createDirectories(Path dir) throws IOException;

    /** Makes the directory's entries (files created or deleted in it) durable. */
    void syncDirectory(Path dir) throws IOException;

    /** Whether {@code e}, raised while writing in {@code dir}, means the device has no space left. */
    boolean isDiskFull(IOException e, Path dir);

    /** An open segment file. Not thread-safe for writing; positional reads may run concurrently. */
    interface WalChannel extends Closeable {
        /** The file's size in bytes. */
        long size() throws IOException;

        /** Reads up to {@code dst.remaining()} bytes at {@code position}; -1 at the end of the file. */
        int read(ByteBuffer dst, long position) throws IOException;

        /** Writes all of {@code src}'s remaining bytes at {@code position}, or throws. */
        void write(ByteBuffer src, long position) throws IOException;

        /** Makes the written data durable ({@code fsync}); with {@code metadata} also the file's metadata. */
        void force(boolean metadata) throws IOException;

        /** Cuts the file to {@code size} bytes. */
        void truncate(long size) throws IOException;
    }
}
