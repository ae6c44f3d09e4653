package org.neuroquantum.engine.storage.wal;

import java.io.IOException;
import java.nio.file.Path;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;

/** The {@link StorageException}s of the write-ahead log, each with a cause and a remedy. */
final class WalErrors {
    private WalErrors() {
    }

    /** A damaged record or header where the log must be intact. */
    static StorageException corrupt(Path file, long offset, long lsn, String what) {
        return new StorageException(ErrorCode.STORAGE_CORRUPT,
                "Write-ahead log segment " + file + " is damaged at offset " + offset + " (LSN " + lsn + "): "
                        + what + ". This is not a torn tail left by a crash, so the log is refused rather than"
                        + " cut, which would silently lose committed changes.",
                "Restore the database from a backup (with its archived log segments for point-in-time recovery)."
                        + " Keep the damaged log directory for investigation; do not delete or edit segments.");
    }

    /** A segment file that should exist between two others does not. */
    static StorageException gap(Path before, long expectedFirstLsn, Path after) {
        return new StorageException(ErrorCode.STORAGE_CORRUPT,
                "Write-ahead log is missing records: " + before + " ends where a segment starting at LSN "
                        + expectedFirstLsn + " (file " + WalFormat.fileName(expectedFirstLsn)
                        + ") should follow, but the next segment is " + after + ".",
                "Put the missing segment file back (from the archive, if one is configured) or restore the"
                        + " database from a backup. Do not delete segments by hand.");
    }

    /** A segment written by a format version this provider does not read. */
    static StorageException otherVersion(Path file, int version) {
        return new StorageException(ErrorCode.STORAGE_FORMAT_MISMATCH,
                "Write-ahead log segment " + file + " has format version " + version + "; the 'file' WAL provider"
                        + " reads format version " + WalFormat.FORMAT_VERSION + ".",
                "Open the database with the NeuroQuantumDB version that wrote it, or restore a backup.");
    }

    /** An I/O error, or {@code STORAGE_FULL} when it means the device has no space left. */
    static StorageException io(WalIo io, Path dir, String doing, IOException e) {
        if (io.isDiskFull(e, dir)) {
            return new StorageException(ErrorCode.STORAGE_FULL,
                    "No space left on the device holding the write-ahead log " + dir + " while " + doing + ".",
                    "Free space on that device (or move the log to a larger one). Records not yet made durable"
                            + " are kept in memory; the next force writes them again.", e);
        }
        return new StorageException(ErrorCode.STORAGE_IO,
                "I/O error on the write-ahead log " + dir + " while " + doing + ": " + e + ".",
                "Check the device and the permissions of " + dir + "; the operation can be retried.", e);
    }
}
