/**
 * The {@code neuroquantum} command (picocli): {@code version}, {@code plugins list|verify}, {@code config},
 * {@code demo}, {@code evict-sim}, {@code qubo} and the SQL shell {@code sql}, each with {@code --help}. Commands
 * only read and present what the kernel reports; they hold no logic of their own about plugins, configuration
 * or SQL.
 */
package org.neuroquantum.cli;
