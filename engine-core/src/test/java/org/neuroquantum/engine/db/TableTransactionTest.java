package org.neuroquantum.engine.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.engine.table.TableSchema;
import org.neuroquantum.engine.txn.Transaction;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

class TableTransactionTest {
    @TempDir
    Path dir;

    static RawConfig config(String... assignments) {
        RawConfig raw = RawConfig.empty().set("eviction.policy", "test-fifo", "test")
                .set("buffer.pool.size", "256KB", "test").set("lock.wait-timeout", "5s", "test");
        for (String a : assignments) {
            raw.addOverride(a);
        }
        return raw;
    }

    static TableSchema accounts() {
        return TableSchema.builder().notNull("id", ColumnType.BIGINT).column("owner", ColumnType.VARCHAR)
                .column("balance", ColumnType.BIGINT).primaryKey("id").build();
    }

    private static String text(int i) {
        return "owner-" + i + "-".repeat(i % 50);
    }

    @Test
    void rowsAreStoredReadScannedAndSurviveReopen() {
        try (Database db = Database.open(dir, config())) {
            Table t = db.createTable("accounts", accounts());
            try (Transaction tx = db.begin()) {
                for (long i = 0; i < 2000; i++) {
                    t.insert(tx, new Object[] {i, text((int) i), i * 10});
                }
                tx.commit();
            }
        }
        try (Database db = Database.open(dir, config())) {
            Table t = db.table("ACCOUNTS");
            try (Transaction tx = db.begin()) {
                assertArrayEquals(new Object[] {7L, text(7), 70L}, t.get(tx, 7L));
                assertNull(t.get(tx, 5000L));
                List<Long> ids = new ArrayList<>();
                try (RowCursor c = t.scan(tx, new Object[] {100L}, new Object[] {110L}, true)) {
                    while (c.next()) {
                        ids.add((Long) c.row()[0]);
                    }
                }
                assertEquals(List.of(110L, 109L, 108L, 107L, 106L, 105L, 104L, 103L, 102L, 101L, 100L), ids);
                tx.commit();
            }
        }
    }

    @Test
    void rollbackUndoesInsertsUpdatesDeletesAndIndexEntries() {
        try (Database db = Database.open(dir, config())) {
            Table t = db.createTable("accounts", accounts());
            db.createIndex("accounts", "by_owner", true, "owner");
            try (Transaction tx = db.begin()) {
                for (long i = 0; i < 300; i++) {
                    t.insert(tx, new Object[] {i, text((int) i), 100L});
                }
                tx.commit();
            }
            try (Transaction tx = db.begin()) {
                for (long i = 300; i < 1500; i++) {
                    t.insert(tx, new Object[] {i, text((int) i), 1L});
                }
                for (long i = 0; i < 300; i += 2) {
                    t.put(tx, new Object[] {i, "renamed-" + i, 5L});
                }
                for (long i = 1; i < 300; i += 2) {
                    assertTrue(t.delete(tx, i));
                }
                tx.rollback();
            }
            assertOriginal(db);
        }
        try (Database db = Database.open(dir, config())) {
            assertOriginal(db);
        }
    }

    private static void assertOriginal(Database db) {
        Table t = db.table("accounts");
        try (Transaction tx = db.begin()) {
            int n = 0;
            try (RowCursor c = t.scan(tx, null, null, false)) {
                while (c.next()) {
                    Object[] row = c.row();
                    assertEquals((long) n, row[0]);
                    assertEquals(text(n), row[1]);
                    assertEquals(100L, row[2]);
                    n++;
                }
            }
            assertEquals(300, n);
            int viaIndex = 0;
            try (RowCursor c = t.indexScan(tx, "by_owner", null, null, false)) {
                while (c.next()) {
                    viaIndex++;
                    assertTrue(((String) c.row()[1]).startsWith("owner-"));
                }
            }
            assertEquals(300, viaIndex);
            tx.commit();
        }
    }

    @Test
    void aCrashKeepsCommittedTransactionsAndRollsBackTheRest() {
        byte[] big = new byte[300];
        new Random(7).nextBytes(big);
        TableSchema kv = TableSchema.builder().notNull("k", ColumnType.BLOB).column("v", ColumnType.BLOB)
                .primaryKey("k").build();
        try (Database db = Database.open(dir, config())) {
            Table t = db.createTable("kv", kv);
            try (Transaction tx = db.begin()) {
                for (int i = 0; i < 1000; i++) {
                    t.insert(tx, new Object[] {key(i), big});
                }
                tx.commit();
            }
            db.checkpoint();
            try (Transaction tx = db.begin()) {
                for (int i = 1000; i < 1500; i++) {
                    t.insert(tx, new Object[] {key(i), big});
                }
                tx.commit();
            }
            Transaction loser = db.begin();
            for (int i = 1500; i < 4000; i++) {
                t.insert(loser, new Object[] {key(i), big});
            }
            for (int i = 0; i < 1500; i += 3) {
                t.delete(loser, (Object) key(i));
            }
            db.wal().force(db.wal().lastLsn());
            db.simulateCrash();
        }
        try (Database db = Database.open(dir, config())) {
            Database.RecoveryReport report = db.recoveryReport();
            assertEquals(1, report.transactionsRolledBack());
            assertEquals(2500 + 500, report.changesUndone());
            Table t = db.table("kv");
            try (Transaction tx = db.begin()) {
                int n = 0;
                try (RowCursor c = t.scan(tx, null, null, false)) {
                    while (c.next()) {
                        assertArrayEquals(key(n), (byte[]) c.row()[0]);
                        assertArrayEquals(big, (byte[]) c.row()[1]);
                        n++;
                    }
                }
                assertEquals(1500, n);
                tx.commit();
            }
            assertEquals(1500, ((org.neuroquantum.engine.storage.btree.BTree) t.primaryIndex()).verify(() -> 0).entries());
        }
    }

    static byte[] key(int i) {
        return String.format("key-%012d", i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void aCrashAfterRecoveryFindsNothingMoreToDo() {
        try (Database db = Database.open(dir, config())) {
            Table t = db.createTable("accounts", accounts());
            Transaction loser = db.begin();
            for (long i = 0; i < 500; i++) {
                t.insert(loser, new Object[] {i, text((int) i), 1L});
            }
            db.wal().force(db.wal().lastLsn());
            db.simulateCrash();
        }
        try (Database db = Database.open(dir, config())) {
            assertEquals(1, db.recoveryReport().transactionsRolledBack());
            db.simulateCrash();
        }
        try (Database db = Database.open(dir, config())) {
            assertEquals(0, db.recoveryReport().transactionsRolledBack());
            try (Transaction tx = db.begin()) {
                try (RowCursor c = db.table("accounts").scan(tx, null, null, false)) {
                    assertFalse(c.next());
                }
                tx.commit();
            }
        }
    }

    @Test
    void uniqueViolationsFailCleanly() {
        try (Database db = Database.open(dir, config())) {
            Table t = db.createTable("accounts", accounts());
            db.createIndex("accounts", "by_owner", true, "owner");
            try (Transaction tx = db.begin()) {
                t.insert(tx, new Object[] {1L, "ann", 5L});
                NeuroQuantumException dupKey = assertThrows(NeuroQuantumException.class,
                        () -> t.insert(tx, new Object[] {1L, "bob", 5L}));
                assertEquals("23505", dupKey.errorCode().sqlState());
                NeuroQuantumException dupOwner = assertThrows(NeuroQuantumException.class,
                        () -> t.insert(tx, new Object[] {2L, "ann", 5L}));
                assertEquals(ErrorCode.UNIQUE_VIOLATION, dupOwner.errorCode());
                assertNull(t.get(tx, 2L));
                t.insert(tx, new Object[] {2L, null, 5L});
                t.insert(tx, new Object[] {3L, null, 5L});
                tx.commit();
            }
            NeuroQuantumException notNull = assertThrows(NeuroQuantumException.class,
                    () -> db.createTable("bad", TableSchema.builder().column("x", ColumnType.DECIMAL)
                            .primaryKey("x").build()));
            assertEquals(ErrorCode.INVALID_DEFINITION, notNull.errorCode());
            NeuroQuantumException missing = assertThrows(NeuroQuantumException.class, () -> db.table("acounts"));
            assertTrue(missing.getMessage().contains("Did you mean accounts?"), missing.getMessage());
        }
    }

    @Test
    void everyColumnTypeRoundTrips() {
        TableSchema all = TableSchema.builder().notNull("k", ColumnType.VARCHAR).notNull("k2", ColumnType.INTEGER)
                .column("b", ColumnType.BOOLEAN).column("d", ColumnType.DOUBLE).column("m", ColumnType.DECIMAL)
                .column("day", ColumnType.DATE).column("ts", ColumnType.TIMESTAMP).column("blob", ColumnType.BLOB)
                .column("n", ColumnType.BIGINT).primaryKey("k", "k2").build();
        Object[] row = {"zé\u0000ro", -5, true, -0.25, new BigDecimal("-12345.678900"), LocalDate.of(1969, 7, 20),
            LocalDateTime.of(2026, 11, 25, 13, 45, 1, 123456000), new byte[] {0, 1, 2}, null};
        try (Database db = Database.open(dir, config())) {
            Table t = db.createTable("all_types", all);
            try (Transaction tx = db.begin()) {
                t.insert(tx, row);
                tx.commit();
            }
        }
        try (Database db = Database.open(dir, config())) {
            try (Transaction tx = db.begin()) {
                assertArrayEquals(row, db.table("all_types").get(tx, "zé\u0000ro", -5));
                tx.commit();
            }
        }
    }

    @Test
    void aDeadlockAbortsTheYoungerTransactionWith40001() throws Exception {
        try (Database db = Database.open(dir, config())) {
            Table t = db.createTable("accounts", accounts());
            try (Transaction tx = db.begin()) {
                t.insert(tx, new Object[] {1L, "a", 10L});
                t.insert(tx, new Object[] {2L, "b", 10L});
                tx.commit();
            }
            Transaction older = db.begin();
            Transaction younger = db.begin();
            t.put(older, new Object[] {1L, "a", 9L});
            t.put(younger, new Object[] {2L, "b", 11L});
            CyclicBarrier both = new CyclicBarrier(2);
            AtomicReference<Throwable> olderFailure = new AtomicReference<>();
            CountDownLatch olderDone = new CountDownLatch(1);
            Thread thread = new Thread(() -> {
                try {
                    both.await();
                    t.put(older, new Object[] {2L, "b", 11L});
                    older.commit();
                } catch (Throwable e) {
                    olderFailure.set(e);
                } finally {
                    olderDone.countDown();
                }
            });
            thread.start();
            both.await();
            Thread.sleep(100);
            NeuroQuantumException e = assertThrows(NeuroQuantumException.class,
                    () -> t.put(younger, new Object[] {1L, "a", 9L}));
            assertEquals("40001", e.errorCode().sqlState());
            assertEquals(Transaction.State.ABORTED, younger.state());
            assertThrows(NeuroQuantumException.class, younger::commit);
            younger.rollback();
            olderDone.await();
            assertNull(olderFailure.get());
            try (Transaction tx = db.begin()) {
                assertEquals(9L, t.get(tx, 1L)[2]);
                assertEquals(11L, t.get(tx, 2L)[2]);
                tx.commit();
            }
        }
    }
}
