package org.neuroquantum.engine.testing;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.neuroquantum.engine.storage.wal.SimulatedStorage;
import org.neuroquantum.spi.Plugin;
import org.neuroquantum.spi.eviction.EvictionContext;
import org.neuroquantum.spi.eviction.EvictionPolicy;
import org.neuroquantum.spi.eviction.EvictionPolicyFactory;
import org.neuroquantum.spi.storage.PageStoreFactory;
import org.neuroquantum.spi.wal.WriteAheadLogFactory;

/**
 * A class-path plugin for engine-core's own tests, which cannot use plugin-eviction (the kernel never depends on
 * a plugin). Provides the eviction policy {@code test-fifo} and the fault-injecting page store and WAL {@code sim}.
 * Kept out of the test jar other modules use.
 */
public class TestEvictionPlugin implements Plugin {
    /** The fault-injecting page store {@code sim} ({@link SimulatedStorage}). */
    @Override
    public List<PageStoreFactory> pageStoreFactories() {
        return List.of(SimulatedStorage.pageStoreFactory());
    }

    /** The fault-injecting write-ahead log {@code sim} ({@link SimulatedStorage}). */
    @Override
    public List<WriteAheadLogFactory> writeAheadLogFactories() {
        return List.of(SimulatedStorage.writeAheadLogFactory());
    }

    /** Query optimizers for the SQL tests ({@link TestOptimizers}). */
    @Override
    public List<org.neuroquantum.spi.optimizer.QueryOptimizerFactory> queryOptimizerFactories() {
        return TestOptimizers.factories();
    }

    @Override
    public List<EvictionPolicyFactory> evictionPolicyFactories() {
        return List.of(new EvictionPolicyFactory() {
            @Override
            public String name() {
                return "test-fifo";
            }

            @Override
            public String description() {
                return "FIFO for engine-core tests.";
            }

            @Override
            public EvictionPolicy create(EvictionContext context) {
                return new Fifo();
            }
        });
    }

    /** First in, first out over unpinned pages. */
    static final class Fifo implements EvictionPolicy {
        private final ArrayDeque<Long> queue = new ArrayDeque<>();
        private final Set<Long> pinned = new HashSet<>();

        @Override
        public void onInsert(long pageId) {
            queue.addLast(pageId);
        }

        @Override
        public void onAccess(long pageId) {
        }

        @Override
        public void onPin(long pageId) {
            queue.remove(pageId);
            pinned.add(pageId);
        }

        @Override
        public void onUnpin(long pageId) {
            pinned.remove(pageId);
            queue.addLast(pageId);
        }

        @Override
        public void onRemove(long pageId) {
            queue.remove(pageId);
            pinned.remove(pageId);
        }

        @Override
        public long evict() {
            Long victim = queue.pollFirst();
            return victim == null ? NO_VICTIM : victim;
        }

        @Override
        public int residentCount() {
            return queue.size() + pinned.size();
        }
    }
}
