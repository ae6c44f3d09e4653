/** Test fixtures inside the engine package tree that break rule 2 (engine never depends on plugins) on purpose. */
package org.neuroquantum.engine.archfixture;
