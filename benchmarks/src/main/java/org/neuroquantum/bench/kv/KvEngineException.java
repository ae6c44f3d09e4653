package org.neuroquantum.bench.kv;

/** A failure of an engine under test, naming the engine and what it was doing. */
public final class KvEngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Wraps {@code cause}, raised by {@code engine} while doing {@code operation}. */
    public KvEngineException(String engine, String operation, Throwable cause) {
        super(engine + ": " + operation + " failed: " + cause, cause);
    }

    /** A failure without an underlying exception. */
    public KvEngineException(String engine, String message) {
        super(engine + ": " + message);
    }
}
