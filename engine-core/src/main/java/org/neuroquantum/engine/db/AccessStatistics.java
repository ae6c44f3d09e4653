package org.neuroquantum.engine.db;

/**
 * How often one access method of a table was used since the database was opened (not persisted): the material
 * of the {@code nq_stat_indexes} system table.
 *
 * @param table the table
 * @param index the index name; the primary key is {@code <table>_pkey}; null for full scans
 * @param kind {@code full scan}, {@code primary key} or {@code index}
 * @param scans scans and point lookups started
 * @param rowsRead rows those scans returned
 */
public record AccessStatistics(String table, String index, String kind, long scans, long rowsRead) {
}
