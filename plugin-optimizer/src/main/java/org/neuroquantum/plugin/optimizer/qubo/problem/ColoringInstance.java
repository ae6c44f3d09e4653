package org.neuroquantum.plugin.optimizer.qubo.problem;

import java.util.OptionalInt;

/**
 * A graph-colouring instance: the graph and, when the file states it, its chromatic number χ.
 *
 * @param graph the graph (simple: parallel edges removed by the reader)
 * @param knownChromaticNumber χ when known
 */
public record ColoringInstance(Graph graph, OptionalInt knownChromaticNumber) {
}
