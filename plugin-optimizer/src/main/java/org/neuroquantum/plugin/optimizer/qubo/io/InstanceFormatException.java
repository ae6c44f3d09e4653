package org.neuroquantum.plugin.optimizer.qubo.io;

/** A malformed instance file: the message names the file, the 1-based line (0 for the file as a whole) and why. */
public final class InstanceFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;

    /** A problem at {@code line} of {@code file}. */
    public InstanceFormatException(String file, int line, String problem) {
        super(line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The file name as given to the reader. */
    public String file() {
        return file;
    }

    /** The 1-based line number, or 0 when the problem concerns the whole file (e.g. missing lines). */
    public int line() {
        return line;
    }
}
