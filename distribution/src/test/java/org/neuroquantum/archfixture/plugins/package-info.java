/** Plugin implementations that ServiceLoader could not instantiate, breaking rule 7 on purpose (plus one control). */
package org.neuroquantum.archfixture.plugins;
