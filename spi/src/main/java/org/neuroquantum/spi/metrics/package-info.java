/**
 * The metrics facade plugins report through: counters, histograms, timers and gauges. The kernel backs it
 * with Dropwizard Metrics; plugins never see that library.
 */
package org.neuroquantum.spi.metrics;
