package org.neuroquantum.engine.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin directory. Its parent is the platform class loader, so a plugin sees the
 * JDK, its own jars and, from the kernel, only the SPI ({@code org.neuroquantum.spi}) and the logging API
 * ({@code org.slf4j}). Two plugins may therefore bundle different versions of the same library, and no
 * plugin can reach into the kernel's internals or another plugin.
 */
final class PluginClassLoader extends URLClassLoader {
    /** Package prefixes taken from the kernel; everything else comes from the JDK or the plugin's own jars. */
    static final List<String> KERNEL_PACKAGES = List.of("org.neuroquantum.spi.", "org.slf4j.");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader kernelLoader;

    PluginClassLoader(String pluginName, URL[] jars, ClassLoader kernelLoader) {
        super("plugin:" + pluginName, jars, ClassLoader.getPlatformClassLoader());
        this.kernelLoader = kernelLoader;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (fromKernel(name)) {
            return kernelLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        if (fromKernel(name.replace('/', '.'))) {
            return kernelLoader.getResource(name);
        }
        return super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (fromKernel(name.replace('/', '.'))) {
            return kernelLoader.getResources(name);
        }
        return super.getResources(name);
    }

    private static boolean fromKernel(String name) {
        for (String prefix : KERNEL_PACKAGES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return getName() + " " + Arrays.toString(getURLs());
    }
}
