package org.neuroquantum.engine.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroquantum.spi.config.ConfigDef;
import org.neuroquantum.spi.config.ConfigKey;

/**
 * Every declared key, each with its owner ({@code kernel} or a plugin's name). A key has exactly one owner.
 */
public final class DeclaredConfig {
    /** A key and who declared it. */
    public record Declaration(ConfigKey key, String owner) {
    }

    private final Map<String, Declaration> declarations = new LinkedHashMap<>();

    /** Starts with the kernel's own keys. */
    public static DeclaredConfig kernel() {
        DeclaredConfig declared = new DeclaredConfig();
        declared.add("kernel", KernelConfig.definition());
        return declared;
    }

    /**
     * Adds the keys of one owner.
     *
     * @return the names of keys refused because another owner declared them first (the rest are added)
     */
    public List<String> add(String owner, ConfigDef def) {
        List<String> conflicts = new ArrayList<>();
        for (ConfigKey key : def.keys()) {
            Declaration existing = declarations.get(key.name());
            if (existing != null) {
                conflicts.add(key.name() + " (already declared by " + existing.owner() + ")");
            } else {
                declarations.put(key.name(), new Declaration(key, owner));
            }
        }
        return conflicts;
    }

    /** The declaration of {@code name}, or {@code null}. */
    public Declaration get(String name) {
        return declarations.get(name);
    }

    /** All declarations in the order they were added (kernel first). */
    public Map<String, Declaration> all() {
        return Collections.unmodifiableMap(declarations);
    }
}
