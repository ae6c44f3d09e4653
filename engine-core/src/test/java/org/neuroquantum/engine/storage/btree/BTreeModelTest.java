package org.neuroquantum.engine.storage.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.spi.index.KeyRange;

/** 50,000 random operations against a {@link TreeMap} model, through a 32-frame pool that evicts constantly. */
class BTreeModelTest {
    @TempDir
    Path dir;

    @Test
    void randomOperationsMatchTheModel() {
        Random rnd = new Random(0x5EED_B7EEL);
        TreeMap<byte[], byte[]> model = Model.newModel();
        List<byte[]> keys = new ArrayList<>();
        long overflowPuts = 0;
        long scans = 0;
        try (TreeFixture f = TreeFixture.create(dir, 32)) {
            BTree tree = f.tree;
            for (int op = 1; op <= 50_000; op++) {
                // Phases: grow, churn, shrink — so splits, redistributions and merges all happen.
                int putShare = op <= 20_000 ? 50 : op <= 35_000 ? 35 : 20;
                int deleteShare = op <= 20_000 ? 20 : op <= 35_000 ? 35 : 55;
                int kind = rnd.nextInt(100);
                byte[] key = keys.isEmpty() || rnd.nextInt(3) == 0 ? Model.randomKey(rnd) : keys.get(rnd.nextInt(keys.size()));
                String at = "op " + op + " key " + Model.hex(key);
                if (kind < putShare) {
                    byte[] value = Model.randomValue(rnd);
                    if (!tree.geometry().inline(key.length, value.length)) {
                        overflowPuts++;
                    }
                    byte[] previous = model.put(key, value);
                    if (previous == null) {
                        keys.add(key);
                    }
                    assertArrayEquals(previous, tree.put(TreeFixture.TX, key, value), at + ": put's previous value");
                } else if (kind < putShare + deleteShare) {
                    assertArrayEquals(model.remove(key), tree.delete(TreeFixture.TX, key), at + ": deleted value");
                } else if (kind < 92) {
                    assertArrayEquals(model.get(key), tree.get(TreeFixture.TX, key), at + ": get");
                } else {
                    scans++;
                    KeyRange range = new KeyRange(rnd.nextInt(5) == 0 ? null : key, rnd.nextBoolean(),
                            rnd.nextInt(5) == 0 ? null : pick(rnd, keys), rnd.nextBoolean());
                    Model.assertScan(tree, TreeFixture.TX, model, range, rnd.nextBoolean(), 1 + rnd.nextInt(300));
                }
                if (op % 1000 == 0) {
                    Model.assertEntries(model.size(), f.verify());
                }
            }
            Model.assertEntries(model.size(), f.verify());
            Model.assertContents(tree, TreeFixture.TX, model);
            assertTrue(overflowPuts > 1000, "values past the overflow threshold: " + overflowPuts);
            assertTrue(scans > 1000, "scans: " + scans);
            assertTrue(f.metrics.counter("splits").count() > 100, "splits");
            assertTrue(f.metrics.counter("merges").count() > 100, "merges");
            assertTrue(f.metrics.counter("redistributions").count() > 10, "redistributions");
        }
    }

    private static byte[] pick(Random rnd, List<byte[]> keys) {
        return keys.isEmpty() || rnd.nextInt(4) == 0 ? Model.randomKey(rnd) : keys.get(rnd.nextInt(keys.size()));
    }
}
