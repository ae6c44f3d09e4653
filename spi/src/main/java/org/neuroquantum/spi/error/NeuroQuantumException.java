package org.neuroquantum.spi.error;

import java.util.Objects;
import org.neuroquantum.spi.annotation.Stable;

/**
 * Root of every error NeuroQuantumDB reports. It carries a stable {@link ErrorCode}, a message stating the
 * cause, and, where the user can do something about it, a remedy. {@link #getMessage()} combines all three
 * so that a log line or a command-line error alone tells the user what to do.
 *
 * <p>Unchecked on purpose: the kernel and plugins pass these through layers that cannot handle them, and
 * the outermost layer (JDBC, a transport, the CLI) maps the code to its protocol.
 */
@Stable
public class NeuroQuantumException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    private final String cause;
    private final String remedy;

    public NeuroQuantumException(ErrorCode errorCode, String cause, String remedy) {
        this(errorCode, cause, remedy, null);
    }

    public NeuroQuantumException(ErrorCode errorCode, String cause, String remedy, Throwable underlying) {
        super(format(errorCode, cause, remedy), underlying);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.cause = Objects.requireNonNull(cause, "cause");
        this.remedy = remedy;
    }

    private static String format(ErrorCode code, String cause, String remedy) {
        String text = "[" + Objects.requireNonNull(code, "errorCode").code() + "] " + cause;
        return remedy == null || remedy.isBlank() ? text : text + " Fix: " + remedy;
    }

    /** The stable code of this error. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** What went wrong, without the code and remedy. */
    public String causeDescription() {
        return cause;
    }

    /** What the user can do about it, or {@code null} when nothing but reporting a bug helps. */
    public String remedy() {
        return remedy;
    }
}
