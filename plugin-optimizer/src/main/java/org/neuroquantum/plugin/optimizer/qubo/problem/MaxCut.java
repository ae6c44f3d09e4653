package org.neuroquantum.plugin.optimizer.qubo.problem;

import org.neuroquantum.plugin.optimizer.qubo.QuboModel;

/**
 * Max-Cut as a QUBO. An edge {@code (i,j)} of weight {@code w} is cut when {@code x_i ≠ x_j}, i.e.
 * {@code x_i + x_j − 2x_i·x_j = 1}; minimising {@code −cut} gives linear terms {@code −w} on both endpoints and
 * the coupling {@code +2w}. No penalty is needed: every assignment is a valid cut, and the QUBO energy is
 * exactly {@code −cut}.
 */
public final class MaxCut {
    private MaxCut() {
    }

    /** The QUBO whose energy is minus the cut weight. */
    public static QuboModel toQubo(Graph graph) {
        QuboModel.Builder b = QuboModel.builder(graph.vertexCount());
        for (int e = 0; e < graph.edgeCount(); e++) {
            int i = graph.from(e);
            int j = graph.to(e);
            double w = graph.weight(e);
            b.addLinear(i, -w).addLinear(j, -w).addQuadratic(i, j, 2 * w);
        }
        return b.build();
    }

    /** The weight of the cut given by a side assignment (entries 0 or 1). */
    public static double cutWeight(Graph graph, byte[] side) {
        double cut = 0;
        for (int e = 0; e < graph.edgeCount(); e++) {
            if (side[graph.from(e)] != side[graph.to(e)]) {
                cut += graph.weight(e);
            }
        }
        return cut;
    }
}
