package org.neuroquantum.engine.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.neuroquantum.spi.error.ConfigException;
import org.neuroquantum.spi.error.ErrorCode;

/**
 * Configuration as the user wrote it: text values with where each came from, before any parsing. Later
 * sources override earlier ones: the file, then {@code --set} overrides.
 */
public final class RawConfig {
    /** A value as written, and its origin (a file path or {@code --set}). */
    public record Entry(String text, String origin) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** No values at all. */
    public static RawConfig empty() {
        return new RawConfig();
    }

    /**
     * Reads a properties file (UTF-8).
     *
     * @throws ConfigException {@code CONFIG_UNREADABLE} naming the file when it is missing or unreadable
     */
    public static RawConfig load(Path file) {
        RawConfig raw = new RawConfig();
        raw.addFile(file);
        return raw;
    }

    /** Adds every entry of a properties file, overriding earlier values. */
    public RawConfig addFile(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException(ErrorCode.CONFIG_UNREADABLE, null,
                    "Configuration file " + file + " does not exist.",
                    "Check the path given with --config, or create the file.");
        } catch (IOException | IllegalArgumentException e) {
            String reason = String.valueOf(e.getMessage()).replaceAll("[.\\s]+$", "");
            throw new ConfigException(ErrorCode.CONFIG_UNREADABLE, null,
                    "Cannot read configuration file " + file + ": " + reason + ".",
                    "Check that the file is readable and in Java properties format (key=value).");
        }
        for (String key : new TreeMap<>(toMap(p)).keySet()) {
            entries.put(key, new Entry(p.getProperty(key), file.toString()));
        }
        return this;
    }

    /**
     * Adds one {@code key=value} override as given on the command line.
     *
     * @throws ConfigException when the text has no {@code =} or an empty key
     */
    public RawConfig addOverride(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException(ErrorCode.CONFIG_INVALID, assignment,
                    "Cannot read the override '" + assignment + "': expected key=value.",
                    "Write it as --set key=value, e.g. --set eviction.policy=lru.");
        }
        return set(assignment.substring(0, eq).trim(), assignment.substring(eq + 1), "--set");
    }

    /** Sets a value programmatically (embedded use, tests). */
    public RawConfig set(String key, String text, String origin) {
        entries.put(key, new Entry(text, origin));
        return this;
    }

    /** The entries in the order they were first given. */
    public Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    private static Map<String, String> toMap(Properties p) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames()) {
            map.put(name, p.getProperty(name));
        }
        return map;
    }
}
