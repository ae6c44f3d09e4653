/**
 * Readers for the standard instance formats: Gset (Max-Cut), DIMACS {@code .col} (graph colouring) and TSPLIB
 * {@code .tsp} (EUC_2D, CEIL_2D, ATT, GEO and explicit matrices, with TSPLIB's rounding rules). A malformed
 * file fails with an {@link org.neuroquantum.plugin.optimizer.qubo.io.InstanceFormatException} naming the file
 * and the line.
 */
package org.neuroquantum.plugin.optimizer.qubo.io;
