/**
 * What all extension points share: {@link org.neuroquantum.spi.provider.ProviderFactory}, named providers,
 * and {@link org.neuroquantum.spi.provider.ProviderContext}, what the kernel gives a provider it creates.
 */
package org.neuroquantum.spi.provider;
