package org.neuroquantum.bench.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.neuroquantum.bench.kv.Directories;
import org.neuroquantum.bench.kv.Engines;
import org.neuroquantum.bench.kv.KvEngine;
import org.neuroquantum.bench.kv.KvOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W6, crash and recover: a child JVM ({@link CrashChild}) loads all records (in key order), then commits single
 * inserts until it is killed with SIGKILL {@value #BURST_MILLIS} ms into that burst. The score is the time from opening the
 * store (recovery included) to the result of the first point query. Before that, untimed, the benchmark JVM
 * opens and uses a scratch store of the same engine, so that loading the engine's classes and native library is
 * not counted as recovery. Untimed afterwards: a {@value
 * W3RangeScan#ROWS}-row range query (its time is recorded), and a check that every loaded record and every
 * acknowledged insert is there; a missing one fails the benchmark.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class W6CrashRecovery extends StorageBenchmark {
    /** How long the child commits single inserts before it is killed. */
    static final long BURST_MILLIS = 300;
    private static final long LOAD_TIMEOUT_MINUTES = 20;

    private Path directory;
    private long lastAcknowledged;
    private KvEngine kv;
    private int iteration;

    /** Loads in a child JVM and kills it during the write burst. */
    @Setup(Level.Iteration)
    public void crash() throws Exception {
        directory = dataPath().resolve("w6").resolve(engine + "-" + records + "-" + iteration++);
        Directories.delete(directory);
        Files.createDirectories(directory.getParent());
        Path log = directory.getParent().resolve(directory.getFileName() + ".child.log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(StorageBenchmark.JVM_FLAGS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrashChild.class.getName());
        command.add(engine);
        command.add(directory.toString());
        command.add(Integer.toString(records));
        Process child = new ProcessBuilder(command).redirectError(log.toFile()).start();
        CountDownLatch loaded = new CountDownLatch(1);
        AtomicLong acknowledged = new AtomicLong(-1);
        Thread reader = new Thread(() -> readAcks(child, loaded, acknowledged), "crash-child-stdout");
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(LOAD_TIMEOUT_MINUTES);
        while (!loaded.await(1, TimeUnit.SECONDS)) {
            if (System.nanoTime() > deadline) {
                child.destroyForcibly();
                throw new IllegalStateException(engine + ": no " + CrashChild.LOADED + " within "
                        + LOAD_TIMEOUT_MINUTES + " minutes; see " + log);
            }
            if (!child.isAlive()) {
                throw new IllegalStateException(engine + ": the child exited with " + child.exitValue()
                        + " before it finished loading; see " + log);
            }
        }
        Thread.sleep(BURST_MILLIS);
        if (!child.isAlive()) {
            throw new IllegalStateException(engine + ": the child died during its write burst; see " + log);
        }
        child.destroyForcibly(); // SIGKILL
        child.waitFor();
        warmUpEngine();
        reader.join();
        lastAcknowledged = acknowledged.get();
        if (lastAcknowledged < records) {
            throw new IllegalStateException(engine + ": the child acknowledged no insert in " + BURST_MILLIS
                    + " ms; see " + log);
        }
    }

    /** Opens, writes, reads and closes a scratch store: class loading and native set-up happen here. */
    private void warmUpEngine() {
        Path scratch = directory.getParent().resolve(directory.getFileName() + ".warm-up");
        Directories.delete(scratch);
        KvEngine warm = Engines.create(engine);
        warm.open(scratch, KvOptions.defaults());
        try {
            Dataset.load(warm, Records.order(Dataset.BATCH, true, 1));
            for (long n = 0; n < Dataset.BATCH; n++) {
                warm.get(Records.key(n));
            }
            warm.scan(Records.key(0), Records.key(Dataset.BATCH), (k, v) -> { });
        } finally {
            warm.close();
        }
        Directories.delete(scratch);
    }

    private static void readAcks(Process child, CountDownLatch loaded, AtomicLong acknowledged) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals(CrashChild.LOADED)) {
                    loaded.countDown();
                } else if (line.startsWith(CrashChild.ACK)) {
                    acknowledged.set(Long.parseLong(line.substring(CrashChild.ACK.length())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens (recovering) and answers one point query. */
    @Benchmark
    public byte[] recoverAndQuery() {
        kv = Engines.create(engine);
        kv.open(directory, KvOptions.defaults());
        long record = records / 2;
        byte[] value = kv.get(Records.key(record));
        if (value == null) {
            throw new IllegalStateException(engine + ": record " + record + " is missing after recovery");
        }
        return value;
    }

    /** Times a range query, checks every acknowledged record, closes and removes the store. */
    @TearDown(Level.Iteration)
    public void verifyAndRemove() {
        Path data = dataPath();
        long from = records / 3;
        long to = Math.min(from + W3RangeScan.ROWS, records);
        long start = System.nanoTime();
        int rows = kv.scan(Records.key(from), Records.key(to), (k, v) -> { });
        long rangeNanos = System.nanoTime() - start;
        int expected = (int) (to - from);
        if (rows != expected) {
            throw new IllegalStateException(engine + ": the range query after recovery returned " + rows
                    + " rows, expected " + expected);
        }
        long[] found = {0};
        long[] wrong = {0};
        kv.scan(Records.key(0), Records.key(lastAcknowledged + 1), (k, v) -> {
            long n = Records.number(k);
            found[0]++;
            if (n < records && !Arrays.equals(v, Records.value(n, 0))) {
                wrong[0]++;
            }
        });
        long acknowledged = lastAcknowledged + 1;
        if (found[0] != acknowledged || wrong[0] != 0) {
            throw new IllegalStateException(engine + ": after recovery " + found[0] + " of " + acknowledged
                    + " acknowledged records are present, " + wrong[0] + " with a wrong value");
        }
        SideMetrics.record(data, "W6", engine, "range_query_ms", rangeNanos / 1e6);
        kv.openDiagnostics().forEach((metric, value) -> SideMetrics.record(data, "W6", engine, metric, value));
        SideMetrics.record(data, "W6", engine, "verified_records", found[0]);
        SideMetrics.record(data, "W6", engine, "acknowledged_burst_inserts", acknowledged - records);
        kv.close();
        Directories.delete(directory);
    }
}
