/** The kernel's metrics: the SPI facade backed by Dropwizard Metrics. */
package org.neuroquantum.engine.metrics;
