package org.neuroquantum.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated section of a markdown page, between a begin and an end marker line. Writing it replaces only what lies
 * between the markers, so several suites share one page and the hand-written text around them survives.
 */
public final class GeneratedSection {
    private GeneratedSection() {
    }

    /**
     * Replaces the section of {@code file} that starts with {@code beginPrefix} and ends with {@code end} by
     * {@code section} (which holds both markers), or appends {@code section} if the file has no such section.
     */
    public static void writeInto(Path file, String beginPrefix, String end, String section) {
        try {
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
            int begin = text.indexOf(beginPrefix);
            int stop = text.indexOf(end, Math.max(begin, 0));
            String updated;
            if (begin >= 0 && stop > begin) {
                updated = text.substring(0, begin) + section + text.substring(stop + end.length());
            } else {
                updated = text + (text.endsWith("\n\n") ? "" : "\n") + section + "\n";
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, updated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
