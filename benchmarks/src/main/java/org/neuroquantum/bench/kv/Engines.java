package org.neuroquantum.bench.kv;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** The engines of the storage suite, by the names the benchmarks' {@code engine} parameter takes. */
public final class Engines {
    /** The peers, in the order the report lists them. */
    public static final List<String> PEERS = List.of("sqlite", "h2", "rocksdb", "lmdb");
    /** NeuroQuantumDB's name. */
    public static final String NEUROQUANTUM = "neuroquantum";
    /** Every engine: NeuroQuantumDB first, then the peers. */
    public static final List<String> ALL = List.of(NEUROQUANTUM, "sqlite", "h2", "rocksdb", "lmdb");

    private Engines() {
    }

    /** A new, unopened adapter for {@code name}. */
    public static KvEngine create(String name) {
        return factory(name).get();
    }

    private static Supplier<KvEngine> factory(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case NEUROQUANTUM -> NeuroQuantumEngine::new;
            case "sqlite" -> SqliteEngine::new;
            case "h2" -> H2MvStoreEngine::new;
            case "rocksdb" -> RocksDbEngine::new;
            case "lmdb" -> LmdbEngine::new;
            default -> throw new IllegalArgumentException("Unknown engine '" + name + "'; known engines: " + ALL);
        };
    }
}
