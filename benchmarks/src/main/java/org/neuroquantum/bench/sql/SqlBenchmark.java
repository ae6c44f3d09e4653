package org.neuroquantum.bench.sql;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the SQL benchmarks share: the engine (by {@link SqlEngine#label()}), the data directory, one fork with the
 * JVM flags NeuroQuantumDB's off-heap buffer pool needs on Java 17 (the same as the storage suite's), and CI-sized
 * iterations; longer runs override them on the JMH command line.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED"})
@Warmup(iterations = 1, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Timeout(time = 20, timeUnit = TimeUnit.MINUTES)
public abstract class SqlBenchmark {
    /** The engine under test. */
    @Param({"neuroquantum", "sqlite", "h2"})
    public String engine;

    /** Where the databases live: a directory on a real disk. */
    @Param("target/sql-bench")
    public String dataDir;

    /** The engine under test. */
    protected SqlEngine sqlEngine() {
        return SqlEngine.named(engine);
    }

    /** The directory of this engine's database {@code name}. */
    protected Path databaseDirectory(String name) {
        return Path.of(dataDir).toAbsolutePath().resolve(engine).resolve(name);
    }
}
