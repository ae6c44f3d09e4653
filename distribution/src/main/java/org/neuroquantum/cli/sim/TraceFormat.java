package org.neuroquantum.cli.sim;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The trace formats the simulator reads. Each file may be gzip-compressed; that is detected from its first
 * bytes, whatever its name.
 */
public enum TraceFormat {
    /**
     * The LIRS paper's traces: text, one block number per line; a line that is not a number (such as
     * {@code *}) is not an access.
     */
    LIRS,
    /**
     * The ARC paper's traces: text, {@code start count ignored request} per line, meaning accesses to blocks
     * {@code start … start+count-1}.
     */
    ARC,
    /** cache2k's traces: binary, one big-endian 32-bit integer key per access. */
    CACHE2K,
    /**
     * One key per line: an integer is taken as it is, any other text stands for itself (by a 64-bit hash).
     * Blank lines and lines starting with {@code #} are not accesses.
     */
    KEYS;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** The format's name on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format named {@code id} ({@code lirs}, {@code arc}, {@code cache2k} or {@code keys}).
     *
     * @throws IllegalArgumentException naming the formats there are
     */
    public static TraceFormat of(String id) {
        for (TraceFormat f : values()) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown trace format '" + id + "': use one of "
                + Arrays.stream(values()).map(TraceFormat::id).toList());
    }

    /**
     * Reads a whole trace.
     *
     * @throws TraceFormatException naming the file and line of the first bad record
     * @throws IOException when the file cannot be read
     */
    public Trace read(Path file) throws IOException {
        Keys keys = new Keys();
        try (InputStream in = open(file)) {
            if (this == CACHE2K) {
                readBinary(file, in, keys);
            } else {
                readText(file, in, keys);
            }
        }
        if (keys.count == 0) {
            throw new TraceFormatException(file, "1", "the trace holds no access in " + id() + " format");
        }
        return Trace.of(file.getFileName().toString(), keys.values, keys.count);
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    private static void readBinary(Path file, InputStream in, Keys keys) throws IOException {
        DataInputStream data = new DataInputStream(in);
        long offset = 0;
        byte[] word = new byte[4];
        while (true) {
            int got = data.readNBytes(word, 0, 4);
            if (got == 0) {
                return;
            }
            if (got < 4) {
                throw new TraceFormatException(file, "byte " + offset,
                        "the file ends inside a 4-byte key (" + got + " bytes left over)");
            }
            keys.add(((word[0] & 0xFFL) << 24) | ((word[1] & 0xFFL) << 16) | ((word[2] & 0xFFL) << 8) | (word[3] & 0xFFL));
            offset += 4;
        }
    }

    private void readText(Path file, InputStream in, Keys keys) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String line;
        long lineNumber = 0;
        try {
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String text = line.strip();
                switch (this) {
                    case LIRS -> {
                        if (isInteger(text)) {
                            keys.add(parseLong(file, lineNumber, text));
                        }
                    }
                    case ARC -> readArcLine(file, lineNumber, text, keys);
                    case KEYS -> {
                        if (!text.isEmpty() && !text.startsWith("#")) {
                            keys.add(isInteger(text) ? parseLong(file, lineNumber, text) : hash(text));
                        }
                    }
                    default -> throw new IllegalStateException(this + " is binary");
                }
            }
        } catch (EOFException e) {
            throw new TraceFormatException(file, Long.toString(lineNumber + 1), "the compressed file is truncated");
        }
    }

    private static void readArcLine(Path file, long lineNumber, String text, Keys keys) {
        if (text.isEmpty()) {
            return;
        }
        String[] fields = text.split("\\s+");
        if (fields.length < 2) {
            throw new TraceFormatException(file, Long.toString(lineNumber),
                    "expected 'start count ignored request', got '" + text + "'");
        }
        long start = parseLong(file, lineNumber, fields[0]);
        long count = parseLong(file, lineNumber, fields[1]);
        if (count < 1 || count > Integer.MAX_VALUE) {
            throw new TraceFormatException(file, Long.toString(lineNumber),
                    "the block count must be between 1 and " + Integer.MAX_VALUE + ", got " + count);
        }
        for (long b = 0; b < count; b++) {
            keys.add(start + b);
        }
    }

    private static boolean isInteger(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (text.length() == start || text.length() - start > 19) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static long parseLong(Path file, long lineNumber, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new TraceFormatException(file, Long.toString(lineNumber), "'" + text + "' is not an integer");
        }
    }

    private static long hash(String text) {
        long h = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * FNV_PRIME;
        }
        return h;
    }

    /** A growable array of raw keys. */
    private static final class Keys {
        long[] values = new long[1 << 16];
        int count;

        void add(long key) {
            if (count == values.length) {
                if (count == Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException("a trace of more than " + count + " accesses is not supported");
                }
                values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8L, count * 2L));
            }
            values[count++] = key;
        }
    }
}
