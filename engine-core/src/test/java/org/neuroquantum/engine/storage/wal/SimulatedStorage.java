package org.neuroquantum.engine.storage.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.neuroquantum.engine.storage.page.FilePageStore;
import org.neuroquantum.engine.storage.page.PageFile;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;
import org.neuroquantum.spi.storage.PageStore;
import org.neuroquantum.spi.storage.PageStoreContext;
import org.neuroquantum.spi.storage.PageStoreFactory;
import org.neuroquantum.spi.wal.WriteAheadLog;
import org.neuroquantum.spi.wal.WriteAheadLogContext;
import org.neuroquantum.spi.wal.WriteAheadLogFactory;

/**
 * Fault-injecting page store and WAL providers, both named {@code sim}: the {@code file} formats and code over a
 * {@link SimulatedDisk} mounted for a database directory, so a test can crash the whole database in any way the
 * disk can (power loss, torn and reordered writes, a full device) and open it again through the SPIs.
 */
public final class SimulatedStorage {
    /** The provider name of both. */
    public static final String NAME = "sim";
    private static final Map<Path, SimulatedDisk> DISKS = new ConcurrentHashMap<>();

    private SimulatedStorage() {
    }

    /** Makes {@code disk} the storage of the database in {@code directory}. */
    public static void mount(Path directory, SimulatedDisk disk) {
        DISKS.put(directory.toAbsolutePath().normalize(), disk);
    }

    /** Forgets the disk of {@code directory}. */
    public static void unmount(Path directory) {
        DISKS.remove(directory.toAbsolutePath().normalize());
    }

    static SimulatedDisk diskOf(Path path) {
        for (Path p = path.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            SimulatedDisk disk = DISKS.get(p);
            if (disk != null) {
                return disk;
            }
        }
        throw new StorageException(ErrorCode.STORAGE_IO, "No simulated disk is mounted for " + path + ".",
                "Call SimulatedStorage.mount first.");
    }

    /** The page store provider. */
    public static PageStoreFactory pageStoreFactory() {
        return new PageStoreFactory() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public String description() {
                return "The file page store over a simulated disk (tests).";
            }

            @Override
            public int formatVersion() {
                return FilePageStore.FORMAT_VERSION;
            }

            @Override
            public PageStore open(PageStoreContext context) {
                Path file = context.directory().resolve("data.nq");
                SimulatedDisk disk = diskOf(context.directory());
                try {
                    WalIo.WalChannel channel = disk.open(file, true, true);
                    return FilePageStore.open(new ChannelFile(channel, disk, context.directory()), file
                            + " (simulated)", context.pageSize(), false);
                } catch (IOException e) {
                    throw new StorageException(ErrorCode.STORAGE_IO, e.getMessage(), "test disk", e);
                }
            }
        };
    }

    /** The write-ahead log provider. */
    public static WriteAheadLogFactory writeAheadLogFactory() {
        return new WriteAheadLogFactory() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public String description() {
                return "The file write-ahead log over a simulated disk (tests).";
            }

            @Override
            public int formatVersion() {
                return WalFormat.FORMAT_VERSION;
            }

            @Override
            public WriteAheadLog open(WriteAheadLogContext context) {
                return FileWriteAheadLog.open(context.directory(),
                        context.config().getSize(FileWriteAheadLogFactory.SEGMENT_SIZE),
                        context.config().getSize(FileWriteAheadLogFactory.BUFFER_SIZE), context.archiver(),
                        context.metrics(), diskOf(context.directory()));
            }
        };
    }

    /** A page file over a simulated disk's channel. */
    private record ChannelFile(WalIo.WalChannel channel, SimulatedDisk disk, Path directory) implements PageFile {
        @Override
        public void syncDirectory() {
            disk.syncDirectory(directory);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return channel.read(dst, position);
        }

        @Override
        public void write(ByteBuffer src, long position) throws IOException {
            channel.write(src, position);
        }

        @Override
        public void sync() throws IOException {
            channel.force(false);
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
