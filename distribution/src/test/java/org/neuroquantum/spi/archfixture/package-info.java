/** Test fixtures inside the spi package tree that break rule 1 (spi depends only on java.*) on purpose. */
package org.neuroquantum.spi.archfixture;
