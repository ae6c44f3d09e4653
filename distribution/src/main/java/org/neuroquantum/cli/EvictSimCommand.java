package org.neuroquantum.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neuroquantum.cli.sim.Belady;
import org.neuroquantum.cli.sim.CaffeinePeer;
import org.neuroquantum.cli.sim.Replay;
import org.neuroquantum.cli.sim.Trace;
import org.neuroquantum.cli.sim.TraceFormat;
import org.neuroquantum.cli.sim.TraceFormatException;
import org.neuroquantum.engine.Kernel;
import org.neuroquantum.engine.plugin.ProviderRegistry;
import org.neuroquantum.spi.ExtensionPoint;
import org.neuroquantum.spi.config.Config;
import org.neuroquantum.spi.eviction.EvictionContext;
import org.neuroquantum.spi.eviction.EvictionPolicy;
import org.neuroquantum.spi.eviction.EvictionPolicyFactory;
import org.neuroquantum.spi.metrics.Metrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code neuroquantum evict-sim}: replays a cache trace through eviction policies, OPT and Caffeine. */
@Command(name = "evict-sim", mixinStandardHelpOptions = true, versionProvider = NeuroQuantumCommand.Versions.class,
        description = {"Replay a cache access trace through eviction policies and report hit ratios (%, cold start, "
                + "every access counted), next to Belady's optimum (OPT, the item just accessed may itself be "
                + "evicted) and Caffeine's cache of the same size.",
                "Policies are created by name through the kernel from the installed plugins (plugins/), exactly "
                        + "as the buffer pool creates them; --set passes their configuration keys."})
final class EvictSimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Installation installation;

    @Option(names = "--trace", paramLabel = "FILE", required = true,
            description = "The trace file; gzip-compressed or not (detected from its content).")
    Path trace;

    @Option(names = "--format", paramLabel = "FORMAT", required = true,
            description = "Trace format: lirs (one block number per line), arc (start count ignored request), "
                    + "cache2k (big-endian 32-bit keys), keys (one key per line, integer or text).")
    String format;

    @Option(names = "--policy", paramLabel = "NAME", split = ",",
            description = "Policies to replay, comma-separated. Default: every installed eviction policy.")
    List<String> policies = new ArrayList<>();

    @Option(names = "--size", paramLabel = "N", split = ",", required = true,
            description = "Cache sizes in entries (pages), comma-separated.")
    List<Integer> sizes;

    @Option(names = "--format-out", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Option(names = "--no-opt", description = "Skip Belady's optimum.")
    boolean noOpt;

    @Option(names = "--no-caffeine", description = "Skip the Caffeine peer line.")
    boolean noCaffeine;

    private record Line(String name, String kind, long[] hits) {
    }

    @Override
    public Integer call() {
        TraceFormat traceFormat;
        try {
            traceFormat = TraceFormat.of(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
        for (int size : sizes) {
            if (size < 1) {
                throw new ParameterException(spec.commandLine(), "--size: every size must be at least 1, got " + size);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        // Policies first: an unknown name or a bad --set fails before a long trace is read.
        Kernel kernel = Kernel.start(Kernel.Options.installation(installation.home(), installation.rawConfig()));
        ProviderRegistry providers = kernel.plugins().providers();
        List<String> names = policies.isEmpty() ? List.copyOf(providers.of(ExtensionPoint.EVICTION).keySet()) : policies;
        for (String name : names) {
            providers.resolve(ExtensionPoint.EVICTION, name);
        }
        if (!Files.isRegularFile(trace)) {
            err.println("error: the trace file " + trace.toAbsolutePath() + " does not exist or is not a file.");
            return 1;
        }
        Trace replayed;
        try {
            replayed = traceFormat.read(trace);
        } catch (TraceFormatException e) {
            err.println("error: " + e.getMessage() + " (is --format " + traceFormat.id() + " right?)");
            return 1;
        } catch (IOException e) {
            err.println("error: cannot read " + trace + ": " + e.getMessage());
            return 1;
        }

        List<Line> lines = new ArrayList<>();
        for (String name : names) {
            long[] hits = new long[sizes.size()];
            for (int i = 0; i < hits.length; i++) {
                hits[i] = Replay.hits(newPolicy(kernel, name, sizes.get(i)), replayed, sizes.get(i));
            }
            lines.add(new Line(name, "policy", hits));
        }
        if (!noOpt) {
            Belady opt = new Belady(replayed);
            lines.add(new Line("opt", "optimum", sizes.stream().mapToLong(opt::hits).toArray()));
        }
        if (!noCaffeine) {
            lines.add(new Line("caffeine", "peer",
                    sizes.stream().mapToLong(size -> CaffeinePeer.hits(replayed, size)).toArray()));
        }
        print(replayed, traceFormat, lines);
        return 0;
    }

    /**
     * Creates the named policy exactly as {@link Kernel#newEvictionPolicy} creates the configured one: through
     * the provider registry (the plugin's class loader as context loader), with the kernel's configuration
     * (so --set reaches policy keys) and metrics scoped to the policy.
     */
    private static EvictionPolicy newPolicy(Kernel kernel, String name, int capacity) {
        Metrics scoped = kernel.metrics().scoped(ExtensionPoint.EVICTION.id() + "." + name);
        return kernel.plugins().providers().create(ExtensionPoint.EVICTION, name, EvictionPolicyFactory.class,
                f -> f.create(new EvictionContext() {
                    @Override
                    public int capacity() {
                        return capacity;
                    }

                    @Override
                    public Config config() {
                        return kernel.config();
                    }

                    @Override
                    public Metrics metrics() {
                        return scoped;
                    }
                }));
    }

    private void print(Trace replayed, TraceFormat traceFormat, List<Line> lines) {
        PrintWriter out = spec.commandLine().getOut();
        if (output == OutputFormat.json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("trace", trace.toString());
            root.put("format", traceFormat.id());
            root.put("accesses", replayed.length());
            root.put("distinct", replayed.distinct());
            root.put("sizes", sizes);
            root.put("caffeineVersion", noCaffeine ? null : CaffeinePeer.version());
            List<Map<String, Object>> results = new ArrayList<>();
            for (Line line : lines) {
                for (int i = 0; i < sizes.size(); i++) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("policy", line.name());
                    r.put("kind", line.kind());
                    r.put("size", sizes.get(i));
                    r.put("hits", line.hits()[i]);
                    r.put("hitRatio", Math.round(Replay.percent(line.hits()[i], replayed) * 100) / 100.0);
                    results.add(r);
                }
            }
            root.put("results", results);
            out.println(Json.write(root));
            return;
        }
        out.println("Trace " + replayed.name() + " (" + traceFormat.id() + "): " + replayed.length() + " accesses, "
                + replayed.distinct() + " distinct items. Hit ratio in % by cache size:");
        String[] header = new String[sizes.size() + 1];
        header[0] = "POLICY";
        for (int i = 0; i < sizes.size(); i++) {
            header[i + 1] = Integer.toString(sizes.get(i));
        }
        TextTable table = new TextTable(header);
        for (Line line : lines) {
            Object[] row = new Object[sizes.size() + 1];
            row[0] = switch (line.kind()) {
                case "optimum" -> "opt (Belady)";
                case "peer" -> "caffeine " + CaffeinePeer.version() + " (peer)";
                default -> line.name();
            };
            for (int i = 0; i < sizes.size(); i++) {
                row[i + 1] = String.format(Locale.ROOT, "%.2f", Replay.percent(line.hits()[i], replayed));
            }
            table.row(row);
        }
        table.print(out);
    }
}
