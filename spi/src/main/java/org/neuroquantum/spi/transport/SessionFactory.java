package org.neuroquantum.spi.transport;

import java.util.Map;
import org.neuroquantum.spi.annotation.Evolving;

/** How a transport opens sessions: the only door from a transport into the database. Thread-safe. */
@Evolving
public interface SessionFactory {
    /**
     * Opens a session.
     *
     * @param properties client-supplied session properties (user, application name, ...); unknown ones are
     *     ignored
     */
    Session open(Map<String, String> properties);
}
