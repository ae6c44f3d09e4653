/** Writing generated benchmark results into hand-written documentation pages. */
package org.neuroquantum.bench.report;
