package org.neuroquantum.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks every rule of {@link ArchitectureRules} against the production classes of all modules, which the
 * distribution's test class path holds (as jars from the local repository, or as {@code target/classes}
 * directories in a reactor build). Test classes are left out: test directories by ArchUnit's
 * {@link ImportOption.DoNotIncludeTests}, test jars (engine-core's {@code -tests.jar}) by {@link #NO_TEST_JARS}.
 */
class ArchitectureTest {
    /** Test jars ({@code *-tests.jar}), which {@link ImportOption.DoNotIncludeTests} does not recognise. */
    static final ImportOption NO_TEST_JARS = location -> !location.matches(Pattern.compile(".*-tests\\.jar!/.*"));

    /**
     * Lower bounds on how many production classes the import must find, per module, well below today's counts
     * (spi 90+, engine-core 25+, plugin-eviction 9+): a rule checked against nothing would pass vacuously.
     */
    private static final Map<String, Integer> MINIMUM_CLASSES = Map.of(
            "org.neuroquantum.spi", 40,
            "org.neuroquantum.engine", 10,
            "org.neuroquantum.plugin.eviction", 4);

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(NO_TEST_JARS)
                .importPackages("org.neuroquantum");
    }

    @Test
    void theImportHoldsTheProductionClassesOfEveryModule() {
        for (Map.Entry<String, Integer> minimum : MINIMUM_CLASSES.entrySet()) {
            String root = minimum.getKey();
            long found = production.stream().filter(c -> residesUnder(c, root)).count();
            assertTrue(found >= minimum.getValue(), () -> "expected at least " + minimum.getValue()
                    + " production classes under " + root + " but the import found " + found + "; imported from: "
                    + locations());
        }
    }

    @Test
    void theImportHoldsNoTestClasses() {
        List<String> testClasses = production.stream()
                .filter(c -> {
                    String source = c.getSource().map(s -> s.getUri().toString()).orElse("");
                    return source.contains("/test-classes/") || source.contains("-tests.jar!")
                            || c.getPackageName().contains("archfixture")
                            || c.getPackageName().startsWith("org.neuroquantum.architecture");
                })
                .map(JavaClass::getName)
                .sorted()
                .toList();
        assertTrue(testClasses.isEmpty(), () -> "test classes leaked into the production import: " + testClasses);
    }

    @Test
    void spiDependsOnlyOnTheJdk() {
        ArchitectureRules.SPI_DEPENDS_ONLY_ON_THE_JDK.check(production);
    }

    @Test
    void engineDoesNotDependOnPlugins() {
        ArchitectureRules.ENGINE_DOES_NOT_DEPEND_ON_PLUGINS.check(production);
    }

    @Test
    void pluginsDoNotDependOnTheEngine() {
        ArchitectureRules.PLUGINS_DO_NOT_DEPEND_ON_THE_ENGINE.check(production);
    }

    @Test
    void pluginsDoNotDependOnEachOther() {
        ArchitectureRules.PLUGINS_DO_NOT_DEPEND_ON_EACH_OTHER.check(production);
    }

    @Test
    void transportsUseOnlyTheTransportSpi() {
        ArchitectureRules.TRANSPORTS_USE_ONLY_THE_TRANSPORT_SPI.check(production);
    }

    @Test
    void noPackageCycles() {
        ArchitectureRules.NO_PACKAGE_CYCLES.check(production);
    }

    @Test
    void pluginImplementationsAreInstantiable() {
        ArchitectureRules.PLUGIN_IMPLEMENTATIONS_ARE_INSTANTIABLE.check(production);
    }

    private static boolean residesUnder(JavaClass c, String root) {
        return c.getPackageName().equals(root) || c.getPackageName().startsWith(root + ".");
    }

    /** Where the imported classes came from (jar or directory) and how many from each, for failure messages. */
    private static String locations() {
        Map<String, Long> counts = new TreeMap<>(production.stream().collect(Collectors.groupingBy(
                c -> c.getSource().map(s -> s.getUri().toString().replaceFirst("!/.*", "!/")
                        .replaceFirst("/classes/.*", "/classes/")).orElse("?"),
                Collectors.counting())));
        return counts.isEmpty() ? "nothing" : new TreeSet<>(counts.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList()).toString();
    }
}
