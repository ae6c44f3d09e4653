package org.neuroquantum.plugin.optimizer.qubo.io;

import java.nio.file.Path;

/** File-name helpers. */
final class Names {
    private Names() {
    }

    /** The file name without directory and extension. */
    static String baseName(Path file) {
        String s = file.getFileName().toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }
}
