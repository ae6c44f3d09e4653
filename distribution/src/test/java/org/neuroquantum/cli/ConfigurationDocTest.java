package org.neuroquantum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.neuroquantum.engine.Kernel;
import org.neuroquantum.engine.config.ConfigReference;
import org.neuroquantum.engine.config.RawConfig;

/**
 * docs/configuration.md is generated from the key declarations of the kernel and of every plugin of this
 * repository (all on this module's test class path). Regenerate it with
 * {@code mvn -pl distribution -am test -Dtest=ConfigurationDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dnq.updateDocs=true} (or
 * {@code ./neuroquantum config --reference > docs/configuration.md} with every plugin installed).
 */
class ConfigurationDocTest {
    @Test
    void theConfigurationReferenceMatchesTheDeclarations() throws Exception {
        Kernel.Inspection inspection = Kernel.inspect(Kernel.Options.embedded(RawConfig.empty()));
        assertTrue(inspection.plugins().loaded().size() >= 1, "the repository's plugins are on the test class path");
        String expected = ConfigReference.markdown(inspection.declared());
        Path doc = Paths.get(System.getProperty("nq.root"), "docs", "configuration.md");
        if (Boolean.getBoolean("nq.updateDocs")) {
            Files.writeString(doc, expected);
        }
        String actual = Files.exists(doc) ? Files.readString(doc) : "";
        assertEquals(expected, actual, "docs/configuration.md is stale: regenerate it with mvn -pl distribution -am test "
                + "-Dtest=ConfigurationDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dnq.updateDocs=true");
    }
}
