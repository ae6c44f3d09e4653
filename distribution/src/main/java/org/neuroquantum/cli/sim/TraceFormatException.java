package org.neuroquantum.cli.sim;

import java.nio.file.Path;

/** A trace file does not follow its format; the message names the file and the line (or byte offset). */
public final class TraceFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TraceFormatException(Path file, String where, String problem) {
        super(file + ":" + where + ": " + problem);
    }
}
