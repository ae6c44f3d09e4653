package org.neuroquantum.spi.error;

import org.neuroquantum.spi.annotation.Stable;

/**
 * A plugin could not be discovered, checked, loaded or used. The message names the plugin (or the path it
 * was looked for in) and the remedy.
 */
@Stable
public class PluginException extends NeuroQuantumException {
    private static final long serialVersionUID = 1L;

    public PluginException(ErrorCode code, String cause, String remedy) {
        super(code, cause, remedy);
    }

    public PluginException(ErrorCode code, String cause, String remedy, Throwable underlying) {
        super(code, cause, remedy, underlying);
    }
}
