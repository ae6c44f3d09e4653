package org.neuroquantum.spi.transport;

import java.util.List;
import org.neuroquantum.spi.annotation.Evolving;

/**
 * One client's session with the database: its own transaction state, like a JDBC connection. Statements of
 * one session run one at a time; {@link #cancel()} may be called from any thread to stop the running one
 * (it then fails with {@code CANCELLED}). Errors are {@link org.neuroquantum.spi.error.NeuroQuantumException}s
 * whose codes the transport maps to its protocol.
 */
@Evolving
public interface Session extends AutoCloseable {
    /** Runs one SQL statement with positional parameters (for {@code ?}). */
    StatementResult execute(String sql, List<Object> parameters);

    /** Subscribes to the committed changes of the rows a query selects. */
    Subscription subscribe(String query, List<Object> parameters, ChangeListener listener);

    /** Cancels the statement running in this session, if any. Thread-safe. */
    void cancel();

    /** Rolls back an open transaction, ends subscriptions, releases resources. Idempotent. */
    @Override
    void close();
}
