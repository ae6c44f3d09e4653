package org.neuroquantum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each module's version is written twice: in its own POM and as {@code nq.<module>.version} in the parent,
 * which other modules depend on. The two must agree, or a build would silently use a stale installed artifact.
 */
class ModuleVersionsTest {
    @Test
    void everyModuleVersionMatchesTheParentProperty() throws Exception {
        Path root = Paths.get(System.getProperty("nq.root"));
        String parent = Files.readString(root.resolve("pom.xml"));
        Matcher property = Pattern.compile("<nq\\.([a-z-]+)\\.version>([^<]+)</nq\\.").matcher(parent);
        int checked = 0;
        while (property.find()) {
            String module = property.group(1);
            Path pom = root.resolve(module).resolve("pom.xml");
            assertTrue(Files.exists(pom), "nq." + module + ".version names no module directory " + module);
            String text = Files.readString(pom);
            String own = text.substring(text.indexOf("</parent>"));
            Matcher version = Pattern.compile("<version>([^<]+)</version>").matcher(own);
            assertTrue(version.find(), pom + " declares no version of its own");
            assertEquals(property.group(2), version.group(1), "version of " + module + " in " + pom + " vs the parent");
            checked++;
        }
        assertTrue(checked >= 7, "only " + checked + " module versions found in the parent POM");
    }
}
