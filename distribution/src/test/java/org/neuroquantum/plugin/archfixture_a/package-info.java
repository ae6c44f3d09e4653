/** A fake plugin package that breaks rules 3 (plugins never use the engine) and 4 (plugins are independent) on purpose. */
package org.neuroquantum.plugin.archfixture_a;
