package org.neuroquantum.engine.db.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.db.RowCursor;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.storage.wal.SimulatedDisk;
import org.neuroquantum.engine.storage.wal.SimulatedStorage;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.engine.table.TableSchema;
import org.neuroquantum.engine.txn.Transaction;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;

/** A full device fails the transaction that hits it; once space returns, the database works and lost nothing. */
class DiskFullTest {
    @TempDir
    Path dir;

    @Test
    void aTransactionFailsCleanlyWhenTheDiskIsFullAndTheDatabaseWorksAgainAfterwards() {
        SimulatedDisk disk = new SimulatedDisk();
        SimulatedStorage.mount(dir, disk);
        RawConfig config = RawConfig.empty().set("eviction.policy", "test-fifo", "test")
                .set("page.store", "sim", "test").set("wal", "sim", "test").set("buffer.pool.size", "64KB", "test")
                .set("wal.segment-size", "64KB", "test");
        TableSchema schema = TableSchema.builder().notNull("id", ColumnType.BIGINT).column("v", ColumnType.VARCHAR)
                .primaryKey("id").build();
        String value = "v".repeat(300);
        try (Database db = Database.open(dir, config)) {
            Table t = db.createTable("t", schema);
            try (Transaction tx = db.begin()) {
                for (long i = 0; i < 100; i++) {
                    t.insert(tx, new Object[] {i, value});
                }
                tx.commit();
            }
            disk.setFreeSpace(20_000);
            Transaction big = db.begin();
            StorageException full = null;
            try {
                for (long i = 100; i < 100_000; i++) {
                    t.insert(big, new Object[] {i, value});
                }
                big.commit();
            } catch (StorageException e) {
                full = e;
            }
            assertNotNull(full, "the device never filled up");
            assertEquals(ErrorCode.STORAGE_FULL, full.errorCode(), full.getMessage());
            disk.setFreeSpace(Long.MAX_VALUE);
            big.rollback();
            try (Transaction tx = db.begin()) {
                assertNull(t.get(tx, 100L), "the failed transaction left a row");
                t.insert(tx, new Object[] {100L, "after"});
                tx.commit();
            }
            db.wal().force(db.wal().lastLsn());
            db.simulateCrash();
        }
        SimulatedDisk afterCrash = disk.crash(SimulatedDisk.Crash.POWER_LOSS, new java.util.Random(3));
        SimulatedStorage.mount(dir, afterCrash);
        try (Database db = Database.open(dir, config)) {
            try (Transaction tx = db.begin()) {
                long n = 0;
                try (RowCursor c = db.table("t").scan(tx, null, null, false)) {
                    while (c.next()) {
                        n++;
                    }
                }
                assertEquals(101, n);
                assertEquals("after", db.table("t").get(tx, 100L)[1]);
                tx.commit();
            }
        } finally {
            SimulatedStorage.unmount(dir);
        }
    }
}
