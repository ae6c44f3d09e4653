package org.neuroquantum.bench.kv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Sizes and removal of engine directories. */
public final class Directories {
    private Directories() {
    }

    /** The summed size of the regular files under {@code directory} (0 if it does not exist). */
    public static long size(Path directory) {
        if (!Files.exists(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(Directories::sizeOrZero).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot size " + directory, e);
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0; // removed while walking (a compaction or checkpoint finished)
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot size " + file, e);
        }
    }

    /** Deletes {@code directory} and everything under it, if it exists. */
    public static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }
}
