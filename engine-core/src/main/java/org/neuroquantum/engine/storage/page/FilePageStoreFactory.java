package org.neuroquantum.engine.storage.page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;
import org.neuroquantum.spi.storage.PageStore;
import org.neuroquantum.spi.storage.PageStoreContext;
import org.neuroquantum.spi.storage.PageStoreFactory;

/** The built-in page store {@code file}: one checksummed data file per database. */
public final class FilePageStoreFactory implements PageStoreFactory {
    /** The data file's name inside the database directory. */
    public static final String FILE_NAME = "data.nq";

    @Override
    public String name() {
        return "file";
    }

    @Override
    public String description() {
        return "All pages in one file (" + FILE_NAME + "), each with a CRC32C checksum verified on every read, "
                + "and a persistent free list.";
    }

    @Override
    public int formatVersion() {
        return FilePageStore.FORMAT_VERSION;
    }

    @Override
    public PageStore open(PageStoreContext context) {
        Path file = context.directory().resolve(FILE_NAME);
        boolean exists = Files.exists(file);
        if (!exists && !context.createIfMissing()) {
            throw new StorageException(ErrorCode.STORAGE_IO, "No database file " + file + ".",
                    "Check the database path, or create the database first.");
        }
        try {
            Files.createDirectories(context.directory());
            return FilePageStore.open(new ChannelPageFile(file, true), file.toString(), context.pageSize(), false);
        } catch (IOException e) {
            throw FilePageStore.ioError("open", file.toString(), e);
        }
    }
}
