/**
 * Demonstrations run by {@code neuroquantum demo}: the crash demo's parent (which kills, reopens and verifies)
 * and its child process (which writes until it is killed).
 */
package org.neuroquantum.cli.demo;
