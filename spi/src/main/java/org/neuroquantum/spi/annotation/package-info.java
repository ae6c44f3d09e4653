/**
 * Stability marks for the public types of the SPI. Every public type of {@code org.neuroquantum.spi} carries
 * exactly one of {@link org.neuroquantum.spi.annotation.Stable}, {@link org.neuroquantum.spi.annotation.Evolving}
 * or {@link org.neuroquantum.spi.annotation.Experimental}; a test keeps it so.
 */
package org.neuroquantum.spi.annotation;
