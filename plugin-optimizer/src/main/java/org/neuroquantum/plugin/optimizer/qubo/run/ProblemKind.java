package org.neuroquantum.plugin.optimizer.qubo.run;

import java.util.Locale;

/** The problems {@link ProblemRunner} knows, with the instance format each reads. */
public enum ProblemKind {
    /** Max-Cut on a Gset graph. */
    MAXCUT("Gset"),
    /** Graph colouring on a DIMACS .col graph. */
    COLORING("DIMACS .col"),
    /** Symmetric TSP on a TSPLIB .tsp instance. */
    TSP("TSPLIB .tsp");

    private final String format;

    ProblemKind(String format) {
        this.format = format;
    }

    /** The instance format. */
    public String format() {
        return format;
    }

    /** The command-line name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code maxcut}, {@code coloring} (or {@code colouring}) or {@code tsp}. */
    public static ProblemKind parse(String s) {
        String k = s.toLowerCase(Locale.ROOT);
        return switch (k) {
            case "maxcut", "max-cut" -> MAXCUT;
            case "coloring", "colouring" -> COLORING;
            case "tsp" -> TSP;
            default -> throw new IllegalArgumentException("unknown problem '" + s + "': choose maxcut, coloring or tsp");
        };
    }
}
