/**
 * The plugin system: discovery in plugin-path and class-path mode, one class loader per plugin directory,
 * descriptor and compatibility checks, and the registry of named providers.
 */
package org.neuroquantum.engine.plugin;
