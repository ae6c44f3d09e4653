package org.neuroquantum.archfixture.plugins;

import org.neuroquantum.spi.Plugin;

/** Complies with rule 7 on purpose (public, concrete, implicit public no-argument constructor): a control. */
public final class CompliantPlugin implements Plugin {
}
