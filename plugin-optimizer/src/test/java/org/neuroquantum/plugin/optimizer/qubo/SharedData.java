package org.neuroquantum.plugin.optimizer.qubo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The shared benchmark data, read in place from {@code ../shared/data} relative to the repository root. */
public final class SharedData {
    private SharedData() {
    }

    /** A file under the shared data directory. */
    public static Path file(String relative) {
        String root = System.getProperty("nq.root");
        Path base = root != null ? Paths.get(root) : Paths.get("").toAbsolutePath().getParent();
        Path p = base.resolve("../shared/data").resolve(relative).normalize();
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("shared data file missing: " + p);
        }
        return p;
    }

    /** A test resource as a path. */
    public static Path resource(String name) {
        try {
            return Paths.get(SharedData.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("test resource missing: " + name, e);
        }
    }
}
