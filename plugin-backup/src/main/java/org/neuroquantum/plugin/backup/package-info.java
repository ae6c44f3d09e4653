/**
 * Hot, incremental and point-in-time backup and restore to file, S3 and GCS targets, fed by the write-ahead
 * log's segment archive hook. The module provides nothing yet and is therefore left out of the distribution.
 */
package org.neuroquantum.plugin.backup;
