package org.neuroquantum.plugin.optimizer.qubo.problem;

import java.util.Arrays;

/**
 * An undirected weighted graph on vertices {@code 0..n−1} as an edge list (parallel arrays), with a CSR
 * adjacency built on demand. Self-loops are rejected; parallel edges are kept as given (readers decide).
 */
public final class Graph {
    private final String name;
    private final int vertices;
    private final int[] from;
    private final int[] to;
    private final double[] weight;
    private int[] adjacencyStart;
    private int[] adjacency;

    /** A graph; the arrays are copied. */
    public Graph(String name, int vertices, int[] from, int[] to, double[] weight) {
        if (from.length != to.length || from.length != weight.length) {
            throw new IllegalArgumentException("edge arrays differ in length");
        }
        for (int e = 0; e < from.length; e++) {
            if (from[e] < 0 || from[e] >= vertices || to[e] < 0 || to[e] >= vertices) {
                throw new IllegalArgumentException("edge " + e + " (" + from[e] + "," + to[e]
                        + ") has a vertex outside 0.." + (vertices - 1));
            }
            if (from[e] == to[e]) {
                throw new IllegalArgumentException("edge " + e + " is a self-loop on " + from[e]);
            }
        }
        this.name = name;
        this.vertices = vertices;
        this.from = from.clone();
        this.to = to.clone();
        this.weight = weight.clone();
    }

    /** An unweighted graph (all weights 1). */
    public static Graph unweighted(String name, int vertices, int[] from, int[] to) {
        double[] w = new double[from.length];
        Arrays.fill(w, 1.0);
        return new Graph(name, vertices, from, to, w);
    }

    /** The instance name (file name without extension, or as given). */
    public String name() {
        return name;
    }

    /** Number of vertices. */
    public int vertexCount() {
        return vertices;
    }

    /** Number of edges. */
    public int edgeCount() {
        return from.length;
    }

    /** First endpoint of edge {@code e}. */
    public int from(int e) {
        return from[e];
    }

    /** Second endpoint of edge {@code e}. */
    public int to(int e) {
        return to[e];
    }

    /** Weight of edge {@code e}. */
    public double weight(int e) {
        return weight[e];
    }

    /** Sum of all edge weights. */
    public double totalWeight() {
        double sum = 0;
        for (double w : weight) {
            sum += w;
        }
        return sum;
    }

    /** CSR start offsets of the neighbour lists (built lazily; shared, do not modify). */
    public synchronized int[] adjacencyStart() {
        buildAdjacency();
        return adjacencyStart;
    }

    /** CSR neighbour lists, each sorted, duplicates removed (shared, do not modify). */
    public synchronized int[] adjacency() {
        buildAdjacency();
        return adjacency;
    }

    private void buildAdjacency() {
        if (adjacency != null) {
            return;
        }
        int[] degree = new int[vertices + 1];
        for (int e = 0; e < from.length; e++) {
            degree[from[e]]++;
            degree[to[e]]++;
        }
        int[] start = new int[vertices + 1];
        for (int v = 0; v < vertices; v++) {
            start[v + 1] = start[v] + degree[v];
        }
        int[] fill = Arrays.copyOf(start, vertices);
        int[] list = new int[start[vertices]];
        for (int e = 0; e < from.length; e++) {
            list[fill[from[e]]++] = to[e];
            list[fill[to[e]]++] = from[e];
        }
        int[] outStart = new int[vertices + 1];
        int out = 0;
        for (int v = 0; v < vertices; v++) {
            Arrays.sort(list, start[v], start[v + 1]);
            outStart[v] = out;
            for (int k = start[v]; k < start[v + 1]; k++) {
                if (k == start[v] || list[k] != list[k - 1]) {
                    list[out++] = list[k];
                }
            }
        }
        outStart[vertices] = out;
        adjacencyStart = outStart;
        adjacency = Arrays.copyOf(list, out);
    }
}
