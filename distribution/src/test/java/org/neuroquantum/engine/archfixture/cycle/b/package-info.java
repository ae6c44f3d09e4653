/** Half of a deliberate package cycle (with cycle.a) that breaks rule 6 (no package cycles). */
package org.neuroquantum.engine.archfixture.cycle.b;
