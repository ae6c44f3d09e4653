/**
 * The SQL shell behind {@code neuroquantum sql}: splitting scripts into statements (quotes and comments
 * respected, start lines kept for error messages), running them in a {@code SqlSession}, printing results as
 * aligned tables, CSV or JSON, and the {@code sensors} sample database a newcomer starts with.
 */
package org.neuroquantum.cli.sql;
