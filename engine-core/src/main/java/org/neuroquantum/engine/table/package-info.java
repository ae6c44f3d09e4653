/**
 * Table definitions and the byte encodings of rows: column types, schemas, the order-preserving key encoding of
 * primary and secondary index keys, and the row format of clustered index values. Pure functions over bytes; the
 * database stores what these produce. Layouts are documented in {@code docs/file-format.md} ("Tables").
 */
package org.neuroquantum.engine.table;
