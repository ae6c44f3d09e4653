package org.neuroquantum.engine.plugin;

import java.util.function.Supplier;

/**
 * Runs plugin code with the plugin's class loader as the thread's context class loader, as the plugin
 * contract promises: libraries such as Tyrus find their own parts through it.
 */
public final class ContextClassLoader {
    private ContextClassLoader() {
    }

    /** Calls {@code action} with {@code loader} as context class loader, restoring the previous one after. */
    public static <T> T call(ClassLoader loader, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
