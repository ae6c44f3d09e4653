package org.neuroquantum.cli.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFormatTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes, boolean gzip) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(bytes);
        }
        return file;
    }

    private Path text(String name, String content, boolean gzip) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8), gzip);
    }

    @Test
    void lirsSkipsLinesThatAreNotNumbersAndRenumbersDensely() throws IOException {
        Trace t = TraceFormat.LIRS.read(text("a.trc", "7\r\n*\n3\n7\n\n42\n", false));
        assertArrayEquals(new int[] {0, 1, 0, 2}, t.ids());
        assertEquals(3, t.distinct());
    }

    @Test
    void gzipIsDetectedFromTheContentNotTheName() throws IOException {
        Trace plain = TraceFormat.LIRS.read(text("plain.gz", "1\n2\n1\n", false));
        Trace packed = TraceFormat.LIRS.read(text("packed.txt", "1\n2\n1\n", true));
        assertArrayEquals(plain.ids(), packed.ids());
    }

    @Test
    void arcExpandsEachRequestIntoItsBlocks() throws IOException {
        Trace t = TraceFormat.ARC.read(text("o.lis", "10 3 0 0\n11 1 0 1\n", true));
        assertArrayEquals(new int[] {0, 1, 2, 1}, t.ids());
    }

    @Test
    void arcNamesFileAndLineOfABadRecord() throws IOException {
        Path file = text("bad.lis", "1 1 0 0\n2 x 0 0\n", false);
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceFormat.ARC.read(file));
        assertTrue(e.getMessage().startsWith(file + ":2:"), e.getMessage());
        Path zero = text("zero.lis", "1 0 0 0\n", false);
        assertTrue(assertThrows(TraceFormatException.class, () -> TraceFormat.ARC.read(zero)).getMessage()
                .contains(":1:"));
        Path shortLine = text("short.lis", "5\n", false);
        assertThrows(TraceFormatException.class, () -> TraceFormat.ARC.read(shortLine));
    }

    @Test
    void cache2kReadsBigEndianIntsIncludingNegativeOnes() throws IOException {
        byte[] bytes = {0, 0, 0, 5, (byte) 0xF0, 0, 0, 1, 0, 0, 0, 5};
        Trace t = TraceFormat.CACHE2K.read(write("c.trace", bytes, true));
        assertArrayEquals(new int[] {0, 1, 0}, t.ids());
    }

    @Test
    void cache2kRefusesATruncatedKey() throws IOException {
        Path file = write("t.trace", new byte[] {0, 0, 0, 5, 1, 2}, false);
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceFormat.CACHE2K.read(file));
        assertTrue(e.getMessage().contains("byte 4"), e.getMessage());
    }

    @Test
    void keysTakeIntegersAndTextSkippingCommentsAndBlanks() throws IOException {
        Trace t = TraceFormat.KEYS.read(text("k.txt", "# header\nalpha\n-4\n\nalpha\n-4\nbeta\n", false));
        assertArrayEquals(new int[] {0, 1, 0, 1, 2}, t.ids());
    }

    @Test
    void anEmptyTraceIsRefused() throws IOException {
        Path file = text("empty.trc", "*\n", false);
        assertThrows(TraceFormatException.class, () -> TraceFormat.LIRS.read(file));
    }

    @Test
    void formatsAreNamedOnTheCommandLine() {
        assertEquals(TraceFormat.CACHE2K, TraceFormat.of("cache2k"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TraceFormat.of("csv"));
        assertTrue(e.getMessage().contains("[lirs, arc, cache2k, keys]"), e.getMessage());
    }
}
