package org.neuroquantum.bench.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every workload of the suite shares: the engine under test (by name), the record count, the data
 * directory, one fork with the JVM flags the engines need, and the CI-sized iteration settings (1 × 1 s warm-up,
 * 2 × 2 s measurement) that keep the whole suite under 15 minutes on 2 cores. Longer runs override them on the
 * JMH command line ({@code -wi -w -i -r}).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED"})
@Warmup(iterations = 1, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 2, time = 2, timeUnit = TimeUnit.SECONDS)
@Timeout(time = 30, timeUnit = TimeUnit.MINUTES) // a single-shot load of 1M records may outlast JMH's 10 minutes
public abstract class StorageBenchmark {
    /** The JVM flags of the forks (the same as {@link Fork#jvmArgsAppend} above), for child processes. */
    public static final List<String> JVM_FLAGS = List.of("-Xms2g", "-Xmx2g",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED");

    /** The engine under test. */
    @Param({"neuroquantum", "sqlite", "h2", "rocksdb", "lmdb"})
    public String engine;

    /** Records in the dataset. */
    @Param("1000000")
    public int records;

    /** Where datasets and side metrics live: a directory on a real disk, not tmpfs. */
    @Param("target/storage-bench")
    public String dataDir;

    /** {@link #dataDir} as an absolute path. */
    protected Path dataPath() {
        return Path.of(dataDir).toAbsolutePath();
    }
}
