package org.neuroquantum.spi.transport;

import java.util.List;
import org.neuroquantum.spi.annotation.Evolving;
import org.neuroquantum.spi.error.NeuroQuantumException;

/**
 * Receives the changes of a subscription after their transactions commit, in commit order. Called from a
 * kernel thread: implementations must return quickly (hand work to their own executor) and must not call
 * back into the session synchronously.
 */
@Evolving
public interface ChangeListener {
    /**
     * One committed change to a subscribed query's result.
     *
     * @param kind {@code INSERT}, {@code UPDATE} or {@code DELETE}
     * @param row the row's values after the change (before it, for deletes)
     * @param commitLsn the committing transaction's commit LSN: changes arrive in increasing order of it
     */
    void onChange(String kind, List<Object> row, long commitLsn);

    /** The subscription ended because of an error; no further calls follow. */
    void onError(NeuroQuantumException error);
}
