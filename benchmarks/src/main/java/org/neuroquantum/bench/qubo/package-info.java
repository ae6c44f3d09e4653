/**
 * The QUBO benchmark runner: Max-Cut on Gset, TSPLIB, DIMACS colouring, spin-update rates and SQA versus SA
 * time to target, written into docs/optimizer.md.
 */
package org.neuroquantum.bench.qubo;
