package org.neuroquantum.engine.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.storage.btree.BTree;
import org.neuroquantum.engine.storage.btree.BTreeIndexFactory;

/** Writers on disjoint key ranges, each operation a mini-transaction, over one tree: no deadlock, a sound tree. */
class LoggedConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void concurrentWritersCommitTheirOwnMiniTransactions() throws Exception {
        LogFixture f = new LogFixture(dir, 64).open();
        BTreeIndexFactory factory = new BTreeIndexFactory();
        MiniTransaction create = f.pages.begin(1, 0);
        BTree tree = factory.create(f.context(), create);
        create.commit();
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            results.add(pool.submit(() -> {
                Random rnd = new Random(100 + id);
                java.util.Set<Integer> present = new java.util.HashSet<>();
                for (int i = 0; i < 3000; i++) {
                    int k = rnd.nextInt(800);
                    byte[] key = String.format("t%d-%05d", id, k).getBytes();
                    MiniTransaction mtr = f.pages.begin(10 + id, 0);
                    if (rnd.nextInt(3) == 0) {
                        tree.delete(mtr, key);
                        present.remove(k);
                    } else {
                        tree.put(mtr, key, new byte[rnd.nextInt(150)]);
                        present.add(k);
                    }
                    mtr.commit();
                }
                return present.size();
            }));
        }
        int expected = 0;
        for (Future<Integer> r : results) {
            expected += r.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(expected, tree.verify(() -> 99L).entries());
        f.close();
    }
}
