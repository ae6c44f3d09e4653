/**
 * The exception hierarchy shared by the kernel and plugins: one unchecked root,
 * {@link org.neuroquantum.spi.error.NeuroQuantumException}, carrying a stable
 * {@link org.neuroquantum.spi.error.ErrorCode} (with its SQLSTATE), the cause and a remedy.
 */
package org.neuroquantum.spi.error;
