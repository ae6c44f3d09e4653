package org.neuroquantum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.Counter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.Kernel;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.storage.buffer.BufferPool;
import org.neuroquantum.engine.storage.buffer.PageLayout;
import org.neuroquantum.engine.storage.buffer.PageRef;
import org.neuroquantum.spi.ExtensionPoint;

/**
 * One database reopened once with every eviction policy of the plugin ({@code eviction.policy=NAME}): each
 * session runs the real buffer pool (pins, latches, write-back) on that policy, which the kernel's per-policy
 * eviction counter proves, and every page written by earlier sessions reads back intact.
 */
class EvictionPolicyRestartTest {
    @TempDir
    Path dir;

    private static RawConfig config(String policy) {
        RawConfig raw = RawConfig.empty();
        raw.addOverride("eviction.policy=" + policy);
        raw.addOverride("buffer.pool.size=64KB");
        return raw;
    }

    @Test
    void everyPolicyTakesOverOnRestartAndKeepsTheData() {
        List<String> policies = Kernel.start(Kernel.Options.embedded(RawConfig.empty())).plugins().providers()
                .of(ExtensionPoint.EVICTION).values().stream()
                .filter(r -> r.plugin().descriptor().name().equals("eviction"))
                .map(r -> r.factory().name()).toList();
        assertTrue(policies.size() >= 11 && policies.contains("adaptive"), policies.toString());
        List<Long> pages = new ArrayList<>();
        for (String policy : policies) {
            try (Database db = Database.open(dir, config(policy))) {
                BufferPool pool = db.bufferPool();
                // Three times the frames: the pool must evict, through this session's policy.
                for (int i = 0; i < 3 * pool.capacity(); i++) {
                    try (PageRef page = pool.allocate()) {
                        page.buffer().putLong(PageLayout.HEADER_BYTES, page.pageId() * 31);
                        page.markDirty(0);
                        pages.add(page.pageId());
                    }
                }
                for (long pageId : pages) {
                    try (PageRef page = pool.pin(pageId, BufferPool.Latch.SHARED)) {
                        assertEquals(pageId * 31, page.buffer().getLong(PageLayout.HEADER_BYTES),
                                "page " + pageId + " under " + policy);
                    }
                }
                Counter evictions = db.kernel().metrics().registry().getCounters()
                        .get("eviction." + policy + ".evictions");
                assertTrue(evictions != null && evictions.getCount() > 0, policy + " did not evict");
            }
        }
    }
}
