/**
 * Primitive collections the eviction policies need on their per-event path, where boxing a page id into a
 * {@link java.lang.Long} for every access would cost more than the policy's own work.
 */
package org.neuroquantum.plugin.eviction.util;
