package org.neuroquantum.engine.db.crash;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.engine.table.TableSchema;
import org.neuroquantum.engine.txn.Transaction;
import org.neuroquantum.spi.error.NeuroQuantumException;

/**
 * The child process of {@link KillNineLoopTest}: concurrent bank transfers and inserts until it is killed. It
 * reports on stdout, one line each, flushed before going on: {@code READY}, {@code ACK <id>} once the insert
 * transaction of event {@code id} has committed, {@code ROLLEDBACK <id>} once one it deliberately rolled back has
 * ended. Each insert transaction writes the event and its detail row (never one without the other), and moves one
 * unit between two accounts, so the balance sum stays constant.
 */
public final class BankWorkload {
    static final int ACCOUNTS = 50;
    static final long INITIAL_BALANCE = 1000;

    private BankWorkload() {
    }

    static RawConfig config() {
        return RawConfig.empty().set("eviction.policy", "test-fifo", "crash-test")
                .set("buffer.pool.size", "512KB", "crash-test").set("lock.wait-timeout", "2s", "crash-test")
                .set("checkpoint.interval", "1s", "crash-test");
    }

    static TableSchema accounts() {
        return TableSchema.builder().notNull("id", ColumnType.INTEGER).notNull("balance", ColumnType.BIGINT)
                .primaryKey("id").build();
    }

    static TableSchema events() {
        return TableSchema.builder().notNull("id", ColumnType.BIGINT).column("payload", ColumnType.VARCHAR)
                .primaryKey("id").build();
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long firstId = Long.parseLong(args[1]);
        long seed = Long.parseLong(args[2]);
        PrintStream out = new PrintStream(System.out, false);
        Database db = Database.open(dir, config());
        if (db.findTable("accounts").isEmpty()) {
            Table a = db.createTable("accounts", accounts());
            db.createTable("events", events());
            db.createTable("details", events());
            try (Transaction tx = db.begin()) {
                for (int i = 0; i < ACCOUNTS; i++) {
                    a.insert(tx, new Object[] {i, INITIAL_BALANCE});
                }
                tx.commit();
            }
        }
        Table accounts = db.table("accounts");
        Table events = db.table("events");
        Table details = db.table("details");
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        AtomicLong nextId = new AtomicLong(firstId);
        Runnable worker = () -> {
            Random random = new Random(seed ^ Thread.currentThread().getId());
            while (true) {
                long id = nextId.getAndIncrement();
                boolean rollback = random.nextInt(5) == 0;
                int from = random.nextInt(ACCOUNTS);
                int to = random.nextInt(ACCOUNTS);
                long amount = 1 + random.nextInt(20);
                Transaction tx = db.begin();
                try {
                    Object[] a = accounts.get(tx, from);
                    accounts.put(tx, new Object[] {from, (Long) a[1] - amount});
                    Object[] b = accounts.get(tx, to);
                    accounts.put(tx, new Object[] {to, (Long) b[1] + amount});
                    String payload = "event " + id + " " + "x".repeat(random.nextInt(200));
                    events.insert(tx, new Object[] {id, payload});
                    details.insert(tx, new Object[] {id, payload});
                    if (rollback) {
                        tx.rollback();
                        synchronized (out) {
                            out.println("ROLLEDBACK " + id);
                            out.flush();
                        }
                    } else {
                        tx.commit();
                        synchronized (out) {
                            out.println("ACK " + id);
                            out.flush();
                        }
                    }
                } catch (NeuroQuantumException e) {
                    // deadlock victim or lock timeout: the transaction is retried under a new id
                    tx.close();
                }
            }
        };
        Thread t1 = new Thread(worker, "worker-1");
        Thread t2 = new Thread(worker, "worker-2");
        t1.start();
        t2.start();
        t1.join();
    }
}
