package org.neuroquantum.plugin.archfixture_b;

import org.neuroquantum.cli.Main;

/** Violates rule 3 (plugins never depend on org.neuroquantum.cli) on purpose: calls the command line. */
public final class PluginUsesCli {
    public void run() {
        Main.main(new String[0]);
    }
}
