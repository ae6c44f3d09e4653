/**
 * Build-time assembly of the distribution directory (bin, conf, lib, plugins), run by the distribution
 * module's {@code package} phase. The command itself never calls it.
 */
package org.neuroquantum.cli.build;
