package org.neuroquantum.engine.archfixture;

import org.neuroquantum.plugin.eviction.LruPolicy;

/** Violates rule 2 (engine never depends on a plugin package) on purpose: uses the eviction plugin's LRU policy. */
public final class EngineUsesPlugin {
    public LruPolicy policy;
}
