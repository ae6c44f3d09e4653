/** A fake plugin package that breaks rules 3 (plugins never use the cli) and 4 (plugins are independent) on purpose. */
package org.neuroquantum.plugin.archfixture_b;
