/**
 * Planner statistics: what SQL {@code ANALYZE} collects per table (row count; per column distinct count, NULL
 * fraction, minimum, maximum and an equi-depth histogram), their encoding in the catalog, and the selectivity
 * estimates the planner derives from them (with defaults for tables never analyzed).
 */
package org.neuroquantum.engine.sql.stats;
