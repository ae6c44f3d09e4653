package org.neuroquantum.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.neuroquantum.archfixture.plugins.AbstractPlugin;
import org.neuroquantum.archfixture.plugins.CompliantPlugin;
import org.neuroquantum.archfixture.plugins.PluginSubInterface;
import org.neuroquantum.archfixture.plugins.PluginWithPrivateNoArgConstructor;
import org.neuroquantum.archfixture.plugins.PluginWithoutNoArgConstructor;
import org.neuroquantum.archfixture.transport.TransportFactoryUsesWal;
import org.neuroquantum.archfixture.transport.TransportUsesPageStore;
import org.neuroquantum.engine.archfixture.EngineUsesCli;
import org.neuroquantum.engine.archfixture.EngineUsesPlugin;
import org.neuroquantum.engine.archfixture.cycle.a.CycleA;
import org.neuroquantum.engine.archfixture.cycle.b.CycleB;
import org.neuroquantum.plugin.archfixture_a.PluginAUsesPluginB;
import org.neuroquantum.plugin.archfixture_a.PluginUsesKernel;
import org.neuroquantum.plugin.archfixture_b.PluginBUsesPluginA;
import org.neuroquantum.plugin.archfixture_b.PluginUsesCli;
import org.neuroquantum.plugin.websocket.archfixture.WebSocketUsesKernel;
import org.neuroquantum.spi.archfixture.SpiUsesEngine;
import org.neuroquantum.spi.archfixture.SpiUsesOnlyJdkAndSpi;
import org.neuroquantum.spi.archfixture.SpiUsesSlf4j;

/**
 * Proves that every rule of {@link ArchitectureRules} can fail: each is evaluated against fixture classes (test
 * sources, so never part of the production import) that break it on purpose, and must report each of them by
 * name. Where a rule has an allowance (JDK types, the default constructor), a complying control must not be
 * reported.
 */
class ArchitectureRulesFailTest {

    @Test
    void spiUsingAnythingButTheJdkFails() {
        EvaluationResult result = evaluate(ArchitectureRules.SPI_DEPENDS_ONLY_ON_THE_JDK,
                "org.neuroquantum.spi.archfixture");
        assertViolation(result, SpiUsesSlf4j.class, "org.slf4j.Logger");
        assertViolation(result, SpiUsesEngine.class, "org.neuroquantum.engine.Kernel");
        assertNotReported(result, SpiUsesOnlyJdkAndSpi.class);
    }

    @Test
    void engineUsingAPluginOrTheCliFails() {
        EvaluationResult result = evaluate(ArchitectureRules.ENGINE_DOES_NOT_DEPEND_ON_PLUGINS,
                "org.neuroquantum.engine.archfixture");
        assertViolation(result, EngineUsesPlugin.class, "org.neuroquantum.plugin.eviction.LruPolicy");
        assertViolation(result, EngineUsesCli.class, "org.neuroquantum.cli.Main");
    }

    @Test
    void pluginUsingTheEngineOrTheCliFails() {
        EvaluationResult result = evaluate(ArchitectureRules.PLUGINS_DO_NOT_DEPEND_ON_THE_ENGINE,
                "org.neuroquantum.plugin.archfixture_a", "org.neuroquantum.plugin.archfixture_b");
        assertViolation(result, PluginUsesKernel.class, "org.neuroquantum.engine.Kernel");
        assertViolation(result, PluginUsesCli.class, "org.neuroquantum.cli.Main");
    }

    @Test
    void pluginsUsingEachOtherFail() {
        EvaluationResult result = evaluate(ArchitectureRules.PLUGINS_DO_NOT_DEPEND_ON_EACH_OTHER,
                "org.neuroquantum.plugin.archfixture_a", "org.neuroquantum.plugin.archfixture_b");
        assertViolation(result, PluginAUsesPluginB.class, PluginBUsesPluginA.class.getName());
        assertViolation(result, PluginBUsesPluginA.class, PluginAUsesPluginB.class.getName());
    }

    @Test
    void transportBypassingTheTransportSpiFails() {
        EvaluationResult result = evaluate(ArchitectureRules.TRANSPORTS_USE_ONLY_THE_TRANSPORT_SPI,
                "org.neuroquantum.archfixture.transport", "org.neuroquantum.plugin.websocket.archfixture");
        assertViolation(result, TransportUsesPageStore.class, "org.neuroquantum.spi.storage.PageStore");
        assertViolation(result, TransportFactoryUsesWal.class, "org.neuroquantum.spi.wal.WriteAheadLog");
        assertViolation(result, WebSocketUsesKernel.class, "org.neuroquantum.engine.Kernel");
    }

    @Test
    void packageCycleFails() {
        EvaluationResult result = evaluate(ArchitectureRules.NO_PACKAGE_CYCLES,
                "org.neuroquantum.engine.archfixture.cycle");
        assertViolation(result, CycleA.class, CycleB.class.getName());
        assertViolation(result, CycleB.class, CycleA.class.getName());
    }

    @Test
    void pluginThatServiceLoaderCannotInstantiateFails() {
        EvaluationResult result = evaluate(ArchitectureRules.PLUGIN_IMPLEMENTATIONS_ARE_INSTANTIABLE,
                "org.neuroquantum.archfixture.plugins");
        // Package-private: named by string, it cannot be referenced from here.
        assertViolation(result, "org.neuroquantum.archfixture.plugins.NonPublicPlugin",
                "does not have modifier PUBLIC");
        assertViolation(result, AbstractPlugin.class, "has modifier ABSTRACT");
        assertViolation(result, PluginSubInterface.class, "is an interface");
        assertViolation(result, PluginWithoutNoArgConstructor.class,
                "does not have a public no-argument constructor");
        assertViolation(result, PluginWithPrivateNoArgConstructor.class,
                "does not have a public no-argument constructor");
        assertNotReported(result, CompliantPlugin.class);
    }

    private static EvaluationResult evaluate(ArchRule rule, String... fixturePackages) {
        JavaClasses fixtures = new ClassFileImporter().importPackages(fixturePackages);
        assertFalse(fixtures.isEmpty(), () -> "no fixture classes found in " + List.of(fixturePackages));
        EvaluationResult result = rule.evaluate(fixtures);
        assertTrue(result.hasViolation(), () -> "expected a violation of: " + rule.getDescription());
        return result;
    }

    private static void assertViolation(EvaluationResult result, Class<?> offender, String fragment) {
        assertViolation(result, offender.getName(), fragment);
    }

    /** Some line of the failure report names the offending class and contains {@code fragment}. */
    private static void assertViolation(EvaluationResult result, String offender, String fragment) {
        List<String> details = result.getFailureReport().getDetails();
        assertTrue(details.stream().anyMatch(d -> names(d, offender) && d.contains(fragment)),
                () -> "expected a violation naming " + offender + " with '" + fragment + "' in:\n"
                        + String.join("\n", details));
    }

    private static void assertNotReported(EvaluationResult result, Class<?> control) {
        List<String> details = result.getFailureReport().getDetails();
        assertTrue(details.stream().noneMatch(d -> names(d, control.getName())),
                () -> control.getName() + " complies but was reported:\n" + String.join("\n", details));
    }

    /** {@code line} mentions the class itself, not merely one whose name starts with the same text. */
    private static boolean names(String line, String className) {
        return line.matches("(?s).*\\b" + Pattern.quote(className) + "(?![\\w$]).*");
    }
}
