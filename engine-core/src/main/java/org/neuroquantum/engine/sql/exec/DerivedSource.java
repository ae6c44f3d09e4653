package org.neuroquantum.engine.sql.exec;

import java.util.List;
import org.neuroquantum.engine.sql.bind.Query;
import org.neuroquantum.engine.sql.expr.SubqueryRunner;

/**
 * The rows of a derived source (a sub-query in FROM or a WITH query), computed by the statement's
 * {@link SubqueryRunner} — which caches them per correlation values, so a derived table on the inner side of a join
 * runs once, not once per outer row.
 */
final class DerivedSource implements RowSource {
    private final Query.Source source;

    DerivedSource(Query.Source source) {
        this.source = source;
    }

    @Override
    public Rows open(Object[] outer, Object[] params) {
        List<Object[]> rows = SubqueryRunner.current().run(source.derived().rows(), outer, params).rows();
        return new Rows() {
            private int next;

            @Override
            public Object[] next() {
                return next < rows.size() ? rows.get(next++) : null;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String describe() {
        return "Subquery Scan on " + source.alias();
    }
}
