/** Test utilities shared with other modules' tests (through the test jar): building plugin jars on the fly. */
package org.neuroquantum.engine.testing;
