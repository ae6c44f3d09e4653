package org.neuroquantum.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neuroquantum.spi.annotation.Stable;

/**
 * A version of this SPI, and the rule deciding which plugins a kernel loads: a plugin built against SPI
 * {@code M.m} loads into a kernel with SPI {@code K.k} when {@code M == K} and {@code m <= k}. Minor versions
 * only add (methods with defaults, new types), so an older plugin keeps working; a newer minor may call
 * what this kernel lacks, and a different major broke something.
 *
 * @param major incremented for changes that break compiled plugins
 * @param minor incremented for additions
 * @param patch incremented for fixes to documentation or behaviour within the contract
 */
@Stable
public record SpiVersion(int major, int minor, int patch) implements Comparable<SpiVersion> {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");
    private static final String RESOURCE = "spi-version.properties";

    public SpiVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers cannot be negative");
        }
    }

    /**
     * Parses {@code major.minor} or {@code major.minor.patch}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static SpiVersion parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an SPI version (expected major.minor[.patch])");
        }
        return new SpiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    /** The version of the SPI classes on this class path (the kernel's, when called from the kernel). */
    public static SpiVersion current() {
        try (InputStream in = SpiVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("SPI resource " + RESOURCE + " is missing: a broken build");
            }
            Properties p = new Properties();
            p.load(in);
            return parse(p.getProperty("spi.version"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a kernel with this SPI version loads a plugin built against {@code pluginSpi}. */
    public boolean canLoad(SpiVersion pluginSpi) {
        return pluginSpi.major == major && pluginSpi.minor <= minor;
    }

    /** {@code major.minor}: the part that decides compatibility. */
    public String compatibilityLevel() {
        return major + "." + minor;
    }

    @Override
    public int compareTo(SpiVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
