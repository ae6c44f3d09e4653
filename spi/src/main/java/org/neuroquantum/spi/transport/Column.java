package org.neuroquantum.spi.transport;

import org.neuroquantum.spi.annotation.Evolving;

/**
 * A result column.
 *
 * @param name the column's label
 * @param sqlType its SQL type name, e.g. {@code BIGINT}, {@code VARCHAR}
 */
@Evolving
public record Column(String name, String sqlType) {
}
