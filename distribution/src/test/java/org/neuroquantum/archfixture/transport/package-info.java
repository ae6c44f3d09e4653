/** Transport implementations outside any plugin package that break rule 5 (transports use only the transport SPI). */
package org.neuroquantum.archfixture.transport;
