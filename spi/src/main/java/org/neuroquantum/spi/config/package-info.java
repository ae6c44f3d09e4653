/**
 * Configuration declared once, in the manner of Kafka's {@code ConfigDef}: the kernel and each plugin
 * declare their keys ({@link org.neuroquantum.spi.config.ConfigDef}) with type, default, validator and
 * documentation; providers read the validated result through {@link org.neuroquantum.spi.config.Config}.
 */
package org.neuroquantum.spi.config;
