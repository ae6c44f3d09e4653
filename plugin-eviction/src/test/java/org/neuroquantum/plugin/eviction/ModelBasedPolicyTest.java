package org.neuroquantum.plugin.eviction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroquantum.spi.eviction.EvictionPolicy.NO_VICTIM;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuroquantum.spi.eviction.EvictionPolicy;

/**
 * Drives each policy with random events that follow the SPI contract, as a buffer pool would, and checks the
 * contract's invariants against a plain model of what is resident and pinned.
 */
class ModelBasedPolicyTest {
    private static final int EVENTS = 100_000;

    static Stream<Arguments> policies() {
        return Stream.of(
                Arguments.of(Named.of("lru", (IntFunction<EvictionPolicy>) Policies::lru)),
                Arguments.of(Named.of("clock(1)", (IntFunction<EvictionPolicy>) c -> Policies.clock(c, 1))),
                Arguments.of(Named.of("clock(3)", (IntFunction<EvictionPolicy>) c -> Policies.clock(c, 3))),
                Arguments.of(Named.of("clock(15)", (IntFunction<EvictionPolicy>) c -> Policies.clock(c, 15))),
                named("lru-2"), named("2q"), named("arc"), named("lirs"), named("clock-pro"), named("sieve"),
                named("s3-fifo"), named("w-tinylfu"), named("adaptive"));
    }

    private static Arguments named(String name) {
        return Arguments.of(Named.of(name, (IntFunction<EvictionPolicy>) c -> Policies.named(name, c)));
    }

    @ParameterizedTest
    @MethodSource("policies")
    void randomEventsKeepTheContract(IntFunction<EvictionPolicy> create) {
        for (int capacity : new int[] {1, 2, 7, 64}) {
            run(create.apply(capacity), capacity, new Random(42L + capacity));
        }
    }

    private static void run(EvictionPolicy policy, int capacity, Random random) {
        // Lists double as the model's sets so a random member can be picked in O(1).
        List<Long> resident = new ArrayList<>();
        Set<Long> pinned = new HashSet<>();
        long pageSpace = capacity * 3L;
        int evictions = 0;
        int noVictims = 0;
        for (int event = 0; event < EVENTS; event++) {
            int kind = random.nextInt(100);
            if (kind < 45) {
                long page = random.nextLong(pageSpace);
                if (resident.contains(page)) {
                    policy.onAccess(page);
                } else {
                    if (resident.size() == capacity) {
                        long victim = policy.evict();
                        if (victim == NO_VICTIM) {
                            assertEquals(pinned.size(), resident.size(), "NO_VICTIM with unpinned pages");
                            noVictims++;
                            continue;
                        }
                        assertTrue(resident.remove(victim), () -> "victim " + victim + " is not resident");
                        assertTrue(!pinned.contains(victim), () -> "victim " + victim + " is pinned");
                        evictions++;
                    }
                    policy.onInsert(page);
                    resident.add(page);
                }
            } else if (kind < 65 && !resident.isEmpty()) {
                long page = resident.get(random.nextInt(resident.size()));
                if (pinned.add(page)) {
                    policy.onPin(page);
                }
            } else if (kind < 90 && !pinned.isEmpty()) {
                long page = resident.get(random.nextInt(resident.size()));
                if (pinned.remove(page)) {
                    policy.onUnpin(page);
                }
            } else if (kind < 95 && !resident.isEmpty()) {
                long page = resident.remove(random.nextInt(resident.size()));
                pinned.remove(page);
                policy.onRemove(page);
            } else {
                long victim = policy.evict();
                if (victim == NO_VICTIM) {
                    assertEquals(pinned.size(), resident.size(), "NO_VICTIM with unpinned pages");
                    noVictims++;
                } else {
                    assertTrue(resident.remove(victim), () -> "victim " + victim + " is not resident");
                    assertTrue(!pinned.contains(victim), () -> "victim " + victim + " is pinned");
                    evictions++;
                }
            }
            assertEquals(resident.size(), policy.residentCount());
            assertTrue(resident.size() <= capacity);
        }
        // The trace must have exercised both outcomes, or the invariants above prove little.
        assertNotEquals(0, evictions);
        assertNotEquals(0, noVictims);
    }
}
