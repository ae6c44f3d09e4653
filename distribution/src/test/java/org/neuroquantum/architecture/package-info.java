/** Architecture tests: the dependency rules of ARCHITECTURE.md as ArchUnit rules, checked against all modules. */
package org.neuroquantum.architecture;
