package org.neuroquantum.engine.db.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.db.RowCursor;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.txn.Transaction;

/**
 * The kill -9 loop: a child JVM ({@link BankWorkload}) runs concurrent transfers and inserts and is killed with
 * SIGKILL at a random moment; the database is then reopened (recovered) here and checked: the balance sum is
 * unchanged, every acknowledged insert is present with its detail row, no rolled-back insert is present, and no
 * event exists without its detail or the other way round. Iterations: {@code -Dcrash.iterations=N} (default 50).
 */
class KillNineLoopTest {
    @TempDir
    Path dir;

    @Test
    void acknowledgedCommitsSurviveSigkillAndNothingElseDoes() throws Exception {
        int iterations = Integer.getInteger("crash.iterations", 50);
        Random random = new Random(20261125L);
        Set<Long> acked = new HashSet<>();
        Set<Long> rolledBack = new HashSet<>();
        long nextId = 1;
        long totalAcked = 0;
        for (int i = 0; i < iterations; i++) {
            Path childLog = dir.resolveSibling(dir.getFileName() + "-child-" + i + ".log");
            List<String> lines = runAndKill(dir, childLog, nextId, random.nextLong(), 100 + random.nextInt(400));
            if (!lines.contains("READY")) {
                List<String> log = java.nio.file.Files.readAllLines(childLog);
                throw new AssertionError("iteration " + i + ": the child never got ready; its output: " + lines
                        + "; the end of its log:\n" + String.join("\n", log.subList(Math.max(0, log.size() - 40),
                        log.size())));
            }
            java.nio.file.Files.deleteIfExists(childLog);
            for (String line : lines) {
                if (line.startsWith("ACK ")) {
                    acked.add(Long.parseLong(line.substring(4)));
                } else if (line.startsWith("ROLLEDBACK ")) {
                    rolledBack.add(Long.parseLong(line.substring(11)));
                }
            }
            long maxSeen = check(i, acked, rolledBack);
            totalAcked = acked.size();
            nextId = Math.max(nextId, maxSeen) + 100_000;
        }
        assertTrue(totalAcked > iterations, "the children committed too little to test anything: " + totalAcked);
        System.out.printf("kill -9 loop: %d iterations, %d acknowledged and %d rolled-back inserts checked%n",
                iterations, totalAcked, rolledBack.size());
    }

    /** Reopens, checks every invariant, returns the largest event id present. */
    private long check(int iteration, Set<Long> acked, Set<Long> rolledBack) {
        try (Database db = Database.open(dir, BankWorkload.config())) {
            Table accounts = db.table("accounts");
            Table events = db.table("events");
            Table details = db.table("details");
            try (Transaction tx = db.begin()) {
                long sum = 0;
                int count = 0;
                try (RowCursor c = accounts.scan(tx, null, null, false)) {
                    while (c.next()) {
                        sum += (Long) c.row()[1];
                        count++;
                    }
                }
                assertEquals(BankWorkload.ACCOUNTS, count, "iteration " + iteration);
                assertEquals(BankWorkload.ACCOUNTS * BankWorkload.INITIAL_BALANCE, sum,
                        "iteration " + iteration + ": the balance sum changed");
                Set<Long> eventIds = ids(events, tx);
                Set<Long> detailIds = ids(details, tx);
                assertEquals(eventIds, detailIds, "iteration " + iteration + ": a partial insert");
                for (long id : acked) {
                    assertTrue(eventIds.contains(id), "iteration " + iteration + ": acknowledged insert " + id
                            + " is lost");
                }
                for (long id : rolledBack) {
                    assertNull(events.get(tx, id), "iteration " + iteration + ": rolled-back insert " + id
                            + " is present");
                }
                tx.commit();
                return eventIds.stream().mapToLong(Long::longValue).max().orElse(0);
            }
        }
    }

    private static Set<Long> ids(Table table, Transaction tx) {
        Set<Long> ids = new HashSet<>();
        try (RowCursor c = table.scan(tx, null, null, false)) {
            while (c.next()) {
                assertNotNull(c.row()[1]);
                ids.add((Long) c.row()[0]);
            }
        }
        return ids;
    }

    /** Starts the child, kills it with SIGKILL {@code killAfterMillis} after it is ready, returns its output. */
    static List<String> runAndKill(Path dir, Path childLog, long firstId, long seed, int killAfterMillis)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports")) {
                command.add(arg);
            }
        }
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BankWorkload.class.getName());
        command.add(dir.toString());
        command.add(Long.toString(firstId));
        command.add(Long.toString(seed));
        Process child = new ProcessBuilder(command).redirectError(childLog.toFile()).start();
        List<String> lines = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.equals("READY")) {
                        ready.countDown();
                    }
                }
            } catch (Exception ignored) {
                // the pipe breaks when the child dies
            }
        });
        reader.start();
        boolean started = ready.await(120, TimeUnit.SECONDS);
        if (started) {
            Thread.sleep(killAfterMillis);
        }
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
        reader.join(10_000);
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }
}
