package org.neuroquantum.engine.db;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.neuroquantum.engine.storage.DatabaseHeader;
import org.neuroquantum.engine.storage.log.MiniTransactionRecord;
import org.neuroquantum.engine.storage.log.TransactionRecord;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.engine.txn.CheckpointFile;

/** docs/file-format.md states the constants the code uses: this fails when one of them changes alone. */
class FileFormatDocTest {
    private static String doc() throws Exception {
        Path root = Path.of(System.getProperty("nq.root", ".."));
        return Files.readString(root.resolve("docs").resolve("file-format.md"));
    }

    private static void assertMentions(String doc, String text) {
        assertTrue(doc.contains(text), "docs/file-format.md should say: " + text);
    }

    @Test
    void logRecordTypesMatch() throws Exception {
        String doc = doc();
        assertMentions(doc, "| `" + MiniTransactionRecord.TYPE + "` | mini-transaction |");
        assertMentions(doc, "| `" + TransactionRecord.COMMIT_TYPE + "` | commit |");
        assertMentions(doc, "| `" + TransactionRecord.ABORT_TYPE + "` | abort (rollback complete) |");
        assertMentions(doc, "| `" + MiniTransactionRecord.COMPENSATION_TYPE + "` | compensation");
    }

    @Test
    void headerAndCheckpointVersionsMatch() throws Exception {
        String doc = doc();
        assertMentions(doc, "header format version " + DatabaseHeader.FORMAT_VERSION + ")");
        assertMentions(doc, "### Checkpoint file `DIR/" + CheckpointFile.NAME + "` (format version 1, 40 bytes");
    }

    @Test
    void columnTypeCodesMatch() throws Exception {
        StringJoiner codes = new StringJoiner(", ");
        for (ColumnType t : ColumnType.values()) {
            codes.add(t.code() + " " + t.name());
        }
        assertMentions(doc(), "type code (1 byte: " + codes + ")");
    }
}
