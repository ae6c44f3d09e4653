package org.neuroquantum.engine.txn;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;

/**
 * The master record: where recovery starts, written by each checkpoint after its pages are durable. The file
 * {@code DIR/checkpoint} is 40 bytes, little-endian, replaced atomically (temporary file, fsync, rename, fsync of
 * the directory):
 *
 * <pre>
 * 0   4 bytes  magic "NQCP"
 * 4   i32      format version (1)
 * 8   i64      redo LSN: every change of a record before it is in the page store
 * 16  i64      analysis LSN: no record of a transaction active at the checkpoint lies before it (&lt;= redo LSN)
 * 24  i64      the next transaction id
 * 32  i32      CRC32C of bytes 0-31
 * 36  4 bytes  zero
 * </pre>
 *
 * No file means no checkpoint yet: recovery reads the log from its start.
 */
public final class CheckpointFile {
    /** The file's name in the database directory. */
    public static final String NAME = "checkpoint";
    static final int FORMAT_VERSION = 1;
    static final int SIZE = 40;
    private static final int MAGIC = 0x5043514E; // "NQCP" little-endian

    /** One checkpoint's facts. */
    public record Entry(long redoLsn, long analysisLsn, long nextTransactionId) {
        public Entry {
            if (analysisLsn < 1 || redoLsn < analysisLsn || nextTransactionId < 1) {
                throw new IllegalArgumentException("bad checkpoint " + redoLsn + "/" + analysisLsn + "/"
                        + nextTransactionId);
            }
        }
    }

    private final Path file;

    public CheckpointFile(Path directory) {
        this.file = directory.resolve(NAME);
    }

    /** The path of the file. */
    public Path path() {
        return file;
    }

    /**
     * Reads the last checkpoint.
     *
     * @throws StorageException {@code STORAGE_CORRUPT} when the file exists but is damaged
     */
    public Optional<Entry> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageException(ErrorCode.STORAGE_IO, "Cannot read " + file + ": " + e.getMessage() + ".",
                    "Check the file's permissions and the device.", e);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length != SIZE || b.getInt(0) != MAGIC) {
            throw damaged("it is not a checkpoint file (" + bytes.length + " bytes)");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, 32);
        if ((int) crc.getValue() != b.getInt(32)) {
            throw damaged("its checksum does not match");
        }
        if (b.getInt(4) != FORMAT_VERSION) {
            throw damaged("format version " + b.getInt(4) + " is unknown");
        }
        try {
            return Optional.of(new Entry(b.getLong(8), b.getLong(16), b.getLong(24)));
        } catch (IllegalArgumentException e) {
            throw damaged(e.getMessage());
        }
    }

    private StorageException damaged(String why) {
        return new StorageException(ErrorCode.STORAGE_CORRUPT, "The checkpoint file " + file + " is damaged: " + why
                + ". Recovery cannot know where the log must be read from.", "Restore the database from a backup.");
    }

    /** Replaces the file atomically with {@code entry}. */
    public void write(Entry entry) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(FORMAT_VERSION).putLong(entry.redoLsn()).putLong(entry.analysisLsn())
                .putLong(entry.nextTransactionId());
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, 32);
        b.putInt((int) crc.getValue()).putInt(0).flip();
        Path temporary = file.resolveSibling(NAME + ".tmp");
        try {
            try (FileChannel c = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                while (b.hasRemaining()) {
                    c.write(b);
                }
                c.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException ignored) {
                // not every platform can sync a directory; the rename is still atomic
            }
        } catch (IOException e) {
            throw new StorageException(ErrorCode.STORAGE_IO, "Cannot write " + file + ": " + e.getMessage() + ".",
                    "Check free space and permissions; the previous checkpoint stays valid.", e);
        }
    }
}
