package org.neuroquantum.engine.txn;

import java.util.Locale;

/** When the log is synced to the device (configuration key {@code sync.mode}). */
public enum SyncMode {
    /** Never wait for the device: fast, survives a process crash, not power loss. */
    NONE,
    /** A commit returns once its records are durable (group commit). The default. */
    COMMIT,
    /** As {@code COMMIT}, and every change is synced as it is made. */
    ALWAYS;

    /** Parses a configuration value ({@code none}, {@code commit}, {@code always}). */
    public static SyncMode of(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
