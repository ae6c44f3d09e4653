package org.neuroquantum.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.implement;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.neuroquantum.spi.Plugin;
import org.neuroquantum.spi.transport.Transport;
import org.neuroquantum.spi.transport.TransportFactory;

/**
 * The dependency rules of {@code ARCHITECTURE.md} ("Dependency rules (architecture tests in CI)") as ArchUnit
 * rules. They say nothing about which classes they are checked against: {@link ArchitectureTest} checks them
 * against the production classes of every module, {@link ArchitectureRulesFailTest} against fixtures that
 * break them on purpose.
 */
public final class ArchitectureRules {
    private static final String SPI = "org.neuroquantum.spi..";
    private static final String ENGINE = "org.neuroquantum.engine..";
    private static final String PLUGINS = "org.neuroquantum.plugin..";
    private static final String CLI = "org.neuroquantum.cli..";
    private static final String WEBSOCKET = "org.neuroquantum.plugin.websocket..";

    /** Enforces "{@code spi} depends on nothing but {@code java.*}" (besides itself). */
    public static final ArchRule SPI_DEPENDS_ONLY_ON_THE_JDK = classes()
            .that().resideInAPackage(SPI)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", SPI)
            .because("ARCHITECTURE.md: spi depends on nothing but java.*");

    /**
     * Enforces "{@code engine-core} main code never depends on a plugin package" (and, from the module table,
     * never on the distribution either). Main code only: the rule is checked against production classes.
     */
    public static final ArchRule ENGINE_DOES_NOT_DEPEND_ON_PLUGINS = noClasses()
            .that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage(PLUGINS, CLI)
            .because("ARCHITECTURE.md: engine-core main code never depends on a plugin package");

    /**
     * Enforces "plugins never depend on {@code engine-core} main code" (and, from the module table, never on the
     * distribution either): a plugin sees the kernel only through {@code spi}.
     */
    public static final ArchRule PLUGINS_DO_NOT_DEPEND_ON_THE_ENGINE = noClasses()
            .that().resideInAPackage(PLUGINS)
            .should().dependOnClassesThat().resideInAnyPackage(ENGINE, CLI)
            .because("ARCHITECTURE.md: plugins never depend on engine-core main code");

    /** Enforces "Plugins do not depend on each other": each {@code org.neuroquantum.plugin.<name>} is a slice. */
    public static final ArchRule PLUGINS_DO_NOT_DEPEND_ON_EACH_OTHER = slices()
            .matching("org.neuroquantum.plugin.(*)..")
            .should().notDependOnEachOther()
            .because("ARCHITECTURE.md: plugins do not depend on each other");

    /**
     * Enforces "Transports reach the database only through the transport SPI": implementations of
     * {@link Transport} or {@link TransportFactory} (wherever they live) and every class of the WebSocket plugin
     * may use neither the kernel nor the storage-side SPIs (page storage, index, WAL, eviction).
     *
     * <p>{@code allowEmptyShould(true)}, for this rule only: no transport is implemented yet, so today the rule
     * may match no class at all (the WebSocket module holds at most a compiler-generated {@code package-info}),
     * and an empty match is not a failure here. Every other rule matches classes that exist today, so an empty
     * match there means the import is broken and must fail.
     */
    public static final ArchRule TRANSPORTS_USE_ONLY_THE_TRANSPORT_SPI = noClasses()
            .that(implement(Transport.class)
                    .or(implement(TransportFactory.class))
                    .or(resideInAPackage(WEBSOCKET))
                    .as("implement Transport or TransportFactory or reside in a package '" + WEBSOCKET + "'"))
            .should().dependOnClassesThat().resideInAnyPackage(
                    ENGINE,
                    "org.neuroquantum.spi.storage..",
                    "org.neuroquantum.spi.index..",
                    "org.neuroquantum.spi.wal..",
                    "org.neuroquantum.spi.eviction..")
            .because("ARCHITECTURE.md: transports reach the database only through the transport SPI")
            .allowEmptyShould(true);

    /**
     * Enforces "No package cycles inside a module". {@code (**)} captures the whole package below
     * {@code org.neuroquantum} ({@code engine}, {@code engine.config}, ...), so every package, a module's root
     * package included, is a slice of its own. Cycles between modules are caught too; Maven forbids those anyway.
     */
    public static final ArchRule NO_PACKAGE_CYCLES = slices()
            .matching("org.neuroquantum.(**)")
            .should().beFreeOfCycles()
            .because("ARCHITECTURE.md: no package cycles inside a module");

    /**
     * Enforces "Every {@code Plugin} implementation is public, concrete and has a public no-argument
     * constructor", which is what {@link java.util.ServiceLoader} needs to instantiate it. Every type assignable
     * to {@link Plugin} (other than {@code Plugin} itself) counts, so an interface extending {@code Plugin} is
     * reported as well, as is a non-static inner class (its constructor takes the enclosing instance).
     */
    public static final ArchRule PLUGIN_IMPLEMENTATIONS_ARE_INSTANTIABLE = classes()
            .that().areAssignableTo(Plugin.class)
            .and().doNotHaveFullyQualifiedName(Plugin.class.getName())
            .should().bePublic()
            .andShould().notHaveModifier(JavaModifier.ABSTRACT)
            .andShould().notBeInterfaces()
            .andShould(haveAPublicNoArgumentConstructor())
            .because("ARCHITECTURE.md: every Plugin implementation is public, concrete and has a public"
                    + " no-argument constructor (java.util.ServiceLoader instantiates it)");

    private ArchitectureRules() {
    }

    /** A class has a constructor that is public and takes no parameters. */
    static ArchCondition<JavaClass> haveAPublicNoArgumentConstructor() {
        return new ArchCondition<>("have a public no-argument constructor") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean satisfied = javaClass.getConstructors().stream()
                        .anyMatch(c -> c.getModifiers().contains(JavaModifier.PUBLIC)
                                && c.getRawParameterTypes().isEmpty());
                String message = String.format("Class <%s> %s a public no-argument constructor in %s",
                        javaClass.getName(), satisfied ? "has" : "does not have",
                        javaClass.getSourceCodeLocation());
                events.add(new SimpleConditionEvent(javaClass, satisfied, message));
            }
        };
    }
}
