package org.neuroquantum.spi.archfixture;

import java.util.List;
import org.neuroquantum.spi.Plugin;

/** Complies with rule 1 on purpose (JDK, primitives, arrays and spi only): a control the rule must not report. */
public final class SpiUsesOnlyJdkAndSpi {
    public List<Plugin> plugins;
    public int[] numbers;
    public Plugin[] pluginArray;

    public long sum(byte[] bytes) {
        long sum = 0;
        for (byte b : bytes) {
            sum += b;
        }
        return sum;
    }
}
