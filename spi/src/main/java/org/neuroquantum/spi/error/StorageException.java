package org.neuroquantum.spi.error;

import org.neuroquantum.spi.annotation.Stable;

/**
 * Durable storage failed: an I/O error ({@link ErrorCode#STORAGE_IO}), no space left
 * ({@link ErrorCode#STORAGE_FULL}), corrupt data ({@link ErrorCode#STORAGE_CORRUPT}) or a format written by
 * another provider or version ({@link ErrorCode#STORAGE_FORMAT_MISMATCH}). Providers of the page storage,
 * index and write-ahead log SPIs throw it and nothing else for storage failures.
 */
@Stable
public class StorageException extends NeuroQuantumException {
    private static final long serialVersionUID = 1L;

    public StorageException(ErrorCode code, String cause, String remedy) {
        super(code, cause, remedy);
    }

    public StorageException(ErrorCode code, String cause, String remedy, Throwable underlying) {
        super(code, cause, remedy, underlying);
    }
}
