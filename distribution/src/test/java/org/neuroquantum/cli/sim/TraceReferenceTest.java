package org.neuroquantum.cli.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reference values of ../shared/data/traces/README.md: LRU, created by name through the kernel
 * from the eviction plugin,
 * and Belady's OPT must reproduce them to the hundredth of a percent.
 */
class TraceReferenceTest {
    private static final Map<String, Trace> TRACES = new HashMap<>();

    static Path traces() {
        String root = System.getProperty("nq.root", "..");
        Path dir = Path.of(root).resolve("../shared/data/traces").normalize();
        assertTrue(Files.isDirectory(dir), "shared traces not found at " + dir);
        return dir;
    }

    private static synchronized Trace trace(String file, TraceFormat format) throws IOException {
        Trace cached = TRACES.get(file);
        if (cached == null) {
            cached = format.read(traces().resolve(file));
            TRACES.put(file, cached);
        }
        return cached;
    }

    private static String percent(long hits, Trace trace) {
        return String.format(Locale.ROOT, "%.2f", Replay.percent(hits, trace));
    }

    private static void check(String file, TraceFormat format, int size, String lru, String opt) throws IOException {
        Trace trace = trace(file, format);
        assertEquals(lru, percent(Replay.hits(KernelPolicies.named("lru", size), trace, size), trace),
                file + " LRU at " + size);
        assertEquals(opt, percent(new Belady(trace).hits(size), trace), file + " OPT at " + size);
    }

    @Test
    void gli() throws IOException {
        check("lirs-gli.trace.gz", TraceFormat.LIRS, 1000, "11.21", "53.15");
        check("lirs-gli.trace.gz", TraceFormat.LIRS, 2000, "57.41", "57.96");
    }

    @Test
    void loop() throws IOException {
        check("lirs-loop.trace.gz", TraceFormat.LIRS, 800, "0.00", "78.97");
    }

    @Test
    void oltp() throws IOException {
        check("arc-OLTP.lis.gz", TraceFormat.ARC, 1000, "32.83", "53.62");
        check("arc-OLTP.lis.gz", TraceFormat.ARC, 2000, "42.47", "60.40");
    }

    @Test
    void ormBusy() throws IOException {
        check("cache2k-orm-busy.trace.gz", TraceFormat.CACHE2K, 5000, "85.46", "91.40");
    }
}
