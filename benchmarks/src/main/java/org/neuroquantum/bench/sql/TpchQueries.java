package org.neuroquantum.bench.sql;

import java.util.Map;

/**
 * The TPC-H queries the benchmark runs, with the specification's validation parameters substituted and every date
 * written as a {@code 'yyyy-mm-dd'} literal (computed from the spec's {@code DATE … ± INTERVAL} expressions) so that
 * one text runs unchanged on all three engines, SQLite included.
 */
public final class TpchQueries {
    /** Query name → SQL text. */
    public static final Map<String, String> TEXT = Map.of(
            "Q1", """
                    SELECT l_returnflag, l_linestatus, SUM(l_quantity) AS sum_qty, SUM(l_extendedprice) AS sum_base_price,
                           SUM(l_extendedprice * (1 - l_discount)) AS sum_disc_price,
                           SUM(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge,
                           AVG(l_quantity) AS avg_qty, AVG(l_extendedprice) AS avg_price, AVG(l_discount) AS avg_disc,
                           COUNT(*) AS count_order
                    FROM lineitem
                    WHERE l_shipdate <= '1998-09-02'
                    GROUP BY l_returnflag, l_linestatus
                    ORDER BY l_returnflag, l_linestatus""",
            "Q3", """
                    SELECT l_orderkey, SUM(l_extendedprice * (1 - l_discount)) AS revenue, o_orderdate, o_shippriority
                    FROM customer, orders, lineitem
                    WHERE c_mktsegment = 'BUILDING' AND c_custkey = o_custkey AND l_orderkey = o_orderkey
                      AND o_orderdate < '1995-03-15' AND l_shipdate > '1995-03-15'
                    GROUP BY l_orderkey, o_orderdate, o_shippriority
                    ORDER BY revenue DESC, o_orderdate
                    LIMIT 10""",
            "Q5", """
                    SELECT n_name, SUM(l_extendedprice * (1 - l_discount)) AS revenue
                    FROM customer, orders, lineitem, supplier, nation, region
                    WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey AND l_suppkey = s_suppkey
                      AND c_nationkey = s_nationkey AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey
                      AND r_name = 'ASIA' AND o_orderdate >= '1994-01-01' AND o_orderdate < '1995-01-01'
                    GROUP BY n_name
                    ORDER BY revenue DESC""",
            "Q6", """
                    SELECT SUM(l_extendedprice * l_discount) AS revenue
                    FROM lineitem
                    WHERE l_shipdate >= '1994-01-01' AND l_shipdate < '1995-01-01'
                      AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24""",
            "Q10", """
                    SELECT c_custkey, c_name, SUM(l_extendedprice * (1 - l_discount)) AS revenue, c_acctbal, n_name,
                           c_address, c_phone, c_comment
                    FROM customer, orders, lineitem, nation
                    WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey AND o_orderdate >= '1993-10-01'
                      AND o_orderdate < '1994-01-01' AND l_returnflag = 'R' AND c_nationkey = n_nationkey
                    GROUP BY c_custkey, c_name, c_acctbal, c_phone, n_name, c_address, c_comment
                    ORDER BY revenue DESC
                    LIMIT 20""");

    /** Query name → the number of rows its answer has at every scale factor from 0.01 up. */
    public static final Map<String, Integer> ROWS = Map.of("Q1", 4, "Q3", 10, "Q5", 5, "Q6", 1, "Q10", 20);

    private TpchQueries() {
    }
}
