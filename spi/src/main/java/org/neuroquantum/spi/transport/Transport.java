package org.neuroquantum.spi.transport;

import java.util.List;
import org.neuroquantum.spi.annotation.Evolving;

/**
 * Exposes sessions of the database over a network protocol. The kernel calls {@link #start()} once after the
 * database is open and {@link #close()} once before it closes; both run with the plugin's class loader as
 * the thread's context class loader. A transport reaches the database only through its
 * {@link TransportContext#sessions()}.
 *
 * <p>{@link #start()} must return once the transport accepts connections, and fail (with
 * {@code PROVIDER_FAILED}) when it cannot, e.g. the port is taken. {@link #close()} stops accepting, closes
 * the sessions it opened and returns once its threads are gone.
 */
@Evolving
public interface Transport extends AutoCloseable {
    /** Starts accepting connections. */
    void start();

    /** Where clients connect, e.g. {@code ws://127.0.0.1:8080/nq}; for logs and {@code plugins list}. */
    List<String> endpoints();

    @Override
    void close();
}
