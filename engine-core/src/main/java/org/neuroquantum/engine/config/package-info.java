/**
 * Configuration in the kernel: the kernel's own keys ({@link org.neuroquantum.engine.config.KernelConfig}),
 * reading the user's values ({@link org.neuroquantum.engine.config.RawConfig}), validating them against every
 * declaration ({@link org.neuroquantum.engine.config.ResolvedConfig}) and rendering the reference page
 * ({@link org.neuroquantum.engine.config.ConfigReference}).
 */
package org.neuroquantum.engine.config;
