package org.neuroquantum.engine.sql.bind;

import org.neuroquantum.engine.sql.expr.Subquery;

/** A bound query expression: a SELECT ({@link Query}) or a set operation of two ({@link Compound}). */
public sealed interface Relation extends Subquery.Body permits Query, Compound {
}
