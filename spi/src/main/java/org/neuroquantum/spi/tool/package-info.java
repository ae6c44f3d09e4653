/**
 * Build-time tools for plugin authors: the generator of the plugin descriptor. Not used at run time.
 */
package org.neuroquantum.spi.tool;
