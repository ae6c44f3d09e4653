package org.neuroquantum.engine.storage.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** {@link WalIo} on the real file system through {@link FileChannel}. */
final class FileWalIo implements WalIo {
    static final FileWalIo INSTANCE = new FileWalIo();

    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private FileWalIo() {
    }

    @Override
    public WalChannel open(Path file, boolean write, boolean create) throws IOException {
        FileChannel ch = write
                ? (create
                        ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                                StandardOpenOption.CREATE)
                        : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
                : FileChannel.open(file, StandardOpenOption.READ);
        return new Channel(ch);
    }

    @Override
    public List<String> list(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    @Override
    public void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            syncDirectory(parent); // the new directory's entry, so the log does not vanish with it
        }
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        if (WINDOWS) {
            return; // NTFS makes directory entries durable with the file; a directory cannot be opened here
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    @Override
    public boolean isDiskFull(IOException e, Path dir) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null) {
                String m = message.toLowerCase(Locale.ROOT);
                if (m.contains("no space left on device") || m.contains("not enough space on the disk")
                        || m.contains("disk quota exceeded")) {
                    return true;
                }
            }
        }
        try {
            return Files.getFileStore(dir).getUsableSpace() == 0;
        } catch (IOException | RuntimeException ignored) {
            return false;
        }
    }

    private static final class Channel implements WalChannel {
        private final FileChannel ch;

        Channel(FileChannel ch) {
            this.ch = ch;
        }

        @Override
        public long size() throws IOException {
            return ch.size();
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return ch.read(dst, position);
        }

        @Override
        public void write(ByteBuffer src, long position) throws IOException {
            long p = position;
            while (src.hasRemaining()) {
                p += ch.write(src, p);
            }
        }

        @Override
        public void force(boolean metadata) throws IOException {
            ch.force(metadata);
        }

        @Override
        public void truncate(long size) throws IOException {
            ch.truncate(size);
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
