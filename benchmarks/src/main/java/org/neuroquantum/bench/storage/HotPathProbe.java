package org.neuroquantum.bench.storage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.neuroquantum.bench.kv.Directories;
import org.neuroquantum.bench.kv.Engines;
import org.neuroquantum.bench.kv.KvEngine;
import org.neuroquantum.bench.kv.KvOptions;

/**
 * A plain timed loop over one engine's hot paths, for profiling (run it under JFR or async-profiler): loads
 * {@code records} in random order (1,000 per commit), then runs each phase for {@code seconds}: point lookups
 * (latency percentiles), single-record durable updates on 1 and {@code threads} threads, and 10,000-row scans.
 * Not a benchmark of record (the JMH suite is); it prints one line per phase so two builds can be compared
 * back to back.
 *
 * <pre>
 * java -XX:StartFlightRecording=filename=w2.jfr,settings=profile -cp benchmarks/target/benchmarks.jar \
 *     org.neuroquantum.bench.storage.HotPathProbe --engine neuroquantum --records 200000 --seconds 10 \
 *     --phases load,get,commit,commit16,scan
 * </pre>
 */
public final class HotPathProbe {
    /** CPU time per phase as well as wall time: on a shared machine the former is the steadier figure. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private HotPathProbe() {
    }

    /** Entry point; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        String engineName = "neuroquantum";
        int records = 200_000;
        double seconds = 5;
        int threads = 16;
        Path dir = Path.of("benchmarks/target/probe");
        List<String> phases = List.of("load", "get", "commit", "commitN", "scan");
        boolean sequential = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--engine" -> engineName = args[++i];
                case "--records" -> records = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--phases" -> phases = List.of(args[++i].split(","));
                case "--sequential" -> sequential = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --engine --records --seconds --threads --dir --phases --sequential");
            }
        }
        long nanos = (long) (seconds * 1e9);
        KvEngine engine = Engines.create(engineName);
        if (phases.contains("load")) {
            Directories.delete(dir);
        }
        Files.createDirectories(dir);
        engine.open(dir, KvOptions.defaults());
        try {
            if (phases.contains("load")) {
                load(engine, records, sequential);
            }
            for (String phase : phases) {
                switch (phase) {
                    case "load" -> { }
                    case "get" -> get(engine, records, nanos);
                    case "commit" -> commits(engine, records, nanos, 1);
                    case "commitN" -> commits(engine, records, nanos, threads);
                    case "scan" -> scan(engine, records, nanos);
                    default -> throw new IllegalArgumentException("unknown phase " + phase);
                }
            }
        } finally {
            engine.close();
        }
        System.out.printf(Locale.ROOT, "bytes on disk after close: %,d (%.2fx raw)%n", Directories.size(dir),
                Directories.size(dir) / (double) Records.rawBytes(records));
    }

    private static void load(KvEngine engine, int records, boolean sequential) {
        int[] order = Records.order(records, !sequential, 42);
        byte[][] keys = new byte[1000][];
        byte[][] values = new byte[1000][];
        long start = System.nanoTime();
        for (int from = 0; from < records; from += 1000) {
            int to = Math.min(records, from + 1000);
            for (int i = from; i < to; i++) {
                keys[i - from] = Records.key(order[i]);
                values[i - from] = Records.value(order[i], 0);
            }
            engine.putBatch(keys, values, 0, to - from);
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "load %s: %.2f s, %,.0f records/s; bytes on disk %,d (%.2fx raw)%n",
                sequential ? "sequential" : "random", s, records / s, Directories.size(engine.directory()),
                Directories.size(engine.directory()) / (double) Records.rawBytes(records));
    }

    private static void get(KvEngine engine, int records, long nanos) {
        SplittableRandom random = new SplittableRandom(7);
        long[] samples = new long[1 << 22];
        int n = 0;
        long end = System.nanoTime() + nanos;
        long cpu0 = CPU.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long now = start;
        while (now < end) {
            byte[] key = Records.key(random.nextInt(records));
            long t0 = System.nanoTime();
            if (engine.get(key) == null) {
                throw new IllegalStateException("missing key");
            }
            now = System.nanoTime();
            if (n < samples.length) {
                samples[n++] = now - t0;
            }
        }
        long cpu = CPU.getCurrentThreadCpuTime() - cpu0;
        Arrays.sort(samples, 0, n);
        System.out.printf(Locale.ROOT, "get: %,.0f ops/s, %.2f us CPU per op; p50 %.2f us, p99 %.2f us, p99.9 %.2f us,"
                + " max %.0f us%n", n / ((now - start) / 1e9), cpu / 1e3 / n, samples[n / 2] / 1e3, samples[(int) (n * 0.99)] / 1e3,
                samples[(int) (n * 0.999)] / 1e3, samples[n - 1] / 1e3);
    }

    private static void commits(KvEngine engine, int records, long nanos, int threads) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + nanos;
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            SplittableRandom random = new SplittableRandom(100 + t);
            Thread w = new Thread(() -> {
                long version = 1;
                while (System.nanoTime() < end) {
                    int k = random.nextInt(records);
                    engine.put(Records.key(k), Records.value(k, version++));
                    done.incrementAndGet();
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "commit x%d threads: %,.0f commits/s%n", threads, done.get() / s);
    }

    private static void scan(KvEngine engine, int records, long nanos) {
        SplittableRandom random = new SplittableRandom(11);
        long rows = 0;
        int scans = 0;
        long cpu0 = CPU.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + nanos;
        while (System.nanoTime() < end) {
            int from = random.nextInt(Math.max(1, records - 10_000));
            rows += engine.scan(Records.key(from), Records.key(from + 10_000), (k, v) -> { });
            scans++;
        }
        double s = (System.nanoTime() - start) / 1e9;
        double cpuMs = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e6;
        System.out.printf(Locale.ROOT, "scan: %.3f ms per 10,000-row scan (%.3f ms CPU), %,.0f rows/s%n",
                s * 1e3 / scans, cpuMs / scans, rows / s);
    }
}
