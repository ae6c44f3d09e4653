package org.neuroquantum.engine.archfixture;

import org.neuroquantum.cli.Main;

/** Violates rule 2 (engine never depends on org.neuroquantum.cli) on purpose: calls the command line. */
public final class EngineUsesCli {
    public void run() {
        Main.main(new String[0]);
    }
}
