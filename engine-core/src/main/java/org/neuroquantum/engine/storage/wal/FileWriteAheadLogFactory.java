package org.neuroquantum.engine.storage.wal;

import java.util.Objects;
import org.neuroquantum.spi.config.Config;
import org.neuroquantum.spi.config.ConfigDef;
import org.neuroquantum.spi.config.ConfigType;
import org.neuroquantum.spi.config.Validators;
import org.neuroquantum.spi.error.ConfigException;
import org.neuroquantum.spi.wal.WriteAheadLog;
import org.neuroquantum.spi.wal.WriteAheadLogContext;
import org.neuroquantum.spi.wal.WriteAheadLogFactory;

/**
 * The built-in write-ahead log provider {@code file}: see {@link FileWriteAheadLog}. Its configuration keys
 * are declared by {@link #configDef()}, which the kernel merges into its own declarations.
 */
public final class FileWriteAheadLogFactory implements WriteAheadLogFactory {
    /** The provider's name, selected with {@code wal=file}. */
    public static final String NAME = "file";
    /** Size of a segment file. */
    public static final String SEGMENT_SIZE = "wal.segment-size";
    /** Bytes buffered before an append forces the log. */
    public static final String BUFFER_SIZE = "wal.buffer-size";

    static final long MIN_SEGMENT_SIZE = 64L * 1024;
    static final long MAX_SEGMENT_SIZE = 1L << 30;
    static final long MIN_BUFFER_SIZE = 64L * 1024;
    static final long MAX_BUFFER_SIZE = 1L << 30;

    /** For {@link java.util.ServiceLoader} and the kernel. */
    public FileWriteAheadLogFactory() {
    }

    /** The configuration keys of this provider, with types, defaults, validators and documentation. */
    public static ConfigDef configDef() {
        return new ConfigDef()
                .define(SEGMENT_SIZE, ConfigType.SIZE, "16MB", Validators.between(MIN_SEGMENT_SIZE, MAX_SEGMENT_SIZE),
                        "Size of one write-ahead log segment file (provider `file`), header included. A record "
                                + "never spans segments, so this also bounds a record's payload (the size less 56 "
                                + "bytes). Takes effect for new segments; existing ones keep their size.")
                .define(BUFFER_SIZE, ConfigType.SIZE, "4MB", Validators.between(MIN_BUFFER_SIZE, MAX_BUFFER_SIZE),
                        "How many bytes of appended but not yet durable log records the write-ahead log (provider "
                                + "`file`) holds in memory. An append that finds this much buffered first writes "
                                + "and syncs it, so memory stays bounded between commits.");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Write-ahead log in checksummed segment files with group commit, torn-tail recovery and an archive "
                + "hook; the built-in choice.";
    }

    @Override
    public int formatVersion() {
        return WalFormat.FORMAT_VERSION;
    }

    @Override
    public WriteAheadLog open(WriteAheadLogContext context) {
        Objects.requireNonNull(context, "context");
        Config config = context.config();
        long segmentSize = config.getSize(SEGMENT_SIZE);
        if (segmentSize < MIN_SEGMENT_SIZE || segmentSize > MAX_SEGMENT_SIZE) {
            throw ConfigException.invalid(SEGMENT_SIZE, segmentSize, "must be between " + MIN_SEGMENT_SIZE + " and "
                    + MAX_SEGMENT_SIZE + " bytes");
        }
        long bufferSize = config.getSize(BUFFER_SIZE);
        if (bufferSize < MIN_BUFFER_SIZE || bufferSize > MAX_BUFFER_SIZE) {
            throw ConfigException.invalid(BUFFER_SIZE, bufferSize, "must be between " + MIN_BUFFER_SIZE + " and "
                    + MAX_BUFFER_SIZE + " bytes");
        }
        return FileWriteAheadLog.open(context.directory(), segmentSize, bufferSize, context.archiver(),
                context.metrics(), FileWalIo.INSTANCE);
    }
}
