/**
 * The {@code neuroquantum} command (picocli): {@code version}, {@code plugins list|verify} and {@code config},
 * each with {@code --help}. Commands only read and present what the kernel reports; they hold no logic of
 * their own about plugins or configuration.
 */
package org.neuroquantum.cli;
