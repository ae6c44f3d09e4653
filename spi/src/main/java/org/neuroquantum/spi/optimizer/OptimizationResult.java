package org.neuroquantum.spi.optimizer;

import java.util.Map;
import org.neuroquantum.spi.annotation.Evolving;

/**
 * What an optimizer returns: the plan and a report for EXPLAIN (e.g. {@code enumerated=1024},
 * {@code sweeps=2000}), in insertion order.
 *
 * @param plan a complete plan covering every relation of the graph exactly once
 * @param report optimizer-specific facts about the search
 */
@Evolving
public record OptimizationResult(JoinPlan plan, Map<String, String> report) {
    public OptimizationResult {
        report = Map.copyOf(report);
    }
}
