package org.neuroquantum.bench.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The disk's raw sync rate, W4's yardstick: one thread writes 4 KB at the start of a small file in the data
 * directory and forces it, in a loop. {@code metadata=false} is {@code FileChannel.force(false)} (fdatasync, what
 * a log append into preallocated space needs), {@code true} is {@code force(true)} (fsync).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 2, time = 2, timeUnit = TimeUnit.SECONDS)
@Threads(1)
public class W4RawFsync {
    /** Where the file lives: the suite's data directory. */
    @Param("target/storage-bench")
    public String dataDir;

    /** Whether the sync also forces metadata. */
    @Param({"false", "true"})
    public boolean metadata;

    private Path file;
    private FileChannel channel;
    private final ByteBuffer block = ByteBuffer.allocateDirect(4096);

    /** Creates the file with one block. */
    @Setup(Level.Trial)
    public void open() throws IOException {
        Path dir = Path.of(dataDir).toAbsolutePath();
        Files.createDirectories(dir);
        file = dir.resolve("fsync-probe.bin");
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.write(block.clear(), 0);
        channel.force(true);
    }

    /** One 4 KB write and one sync. */
    @Benchmark
    public void writeAndSync() throws IOException {
        block.clear();
        block.putLong(0, System.nanoTime());
        channel.write(block, 0);
        channel.force(metadata);
    }

    /** Removes the file. */
    @TearDown(Level.Trial)
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(file);
    }
}
