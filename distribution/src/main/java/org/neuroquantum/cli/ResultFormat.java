package org.neuroquantum.cli;

/** How {@code neuroquantum sql} prints query results. */
enum ResultFormat {
    table, csv, json
}
