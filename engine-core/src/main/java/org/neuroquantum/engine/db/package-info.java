/**
 * Databases as users open them: a directory whose page store, write-ahead log and buffer pool are assembled
 * from the configured providers and checked against those that created it.
 */
package org.neuroquantum.engine.db;
