package org.neuroquantum.engine.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.engine.table.TableSchema;
import org.neuroquantum.engine.txn.Transaction;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

/** Damage on disk is detected and named, never returned as data. */
class CorruptionTest {
    @TempDir
    Path dir;

    @Test
    void aFlippedByteInADataPageIsReportedWithThePage() throws Exception {
        TableSchema schema = TableSchema.builder().notNull("id", ColumnType.BIGINT).column("v", ColumnType.VARCHAR)
                .primaryKey("id").build();
        long root;
        try (Database db = Database.open(dir, TableTransactionTest.config())) {
            Table t = db.createTable("t", schema);
            root = t.definition().rootPageId();
            try (Transaction tx = db.begin()) {
                for (long i = 0; i < 20; i++) {
                    t.insert(tx, new Object[] {i, "value " + i});
                }
                tx.commit();
            }
        }
        int pageSize = 4096;
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("data.nq").toFile(), "rw")) {
            long at = 4096 + root * pageSize + 1000;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x10);
        }
        try (Database db = Database.open(dir, TableTransactionTest.config())) {
            Table t = db.table("t");
            try (Transaction tx = db.begin()) {
                NeuroQuantumException e = assertThrows(NeuroQuantumException.class, () -> t.get(tx, 3L));
                assertEquals(ErrorCode.STORAGE_CORRUPT, e.errorCode());
                assertTrue(e.getMessage().contains("Page " + root + " of "), e.getMessage());
                assertTrue(e.getMessage().contains("data.nq"), e.getMessage());
                assertTrue(e.getMessage().toLowerCase().contains("checksum"), e.getMessage());
            }
        }
    }
}
