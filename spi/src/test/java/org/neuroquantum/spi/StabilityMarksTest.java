package org.neuroquantum.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.neuroquantum.spi.annotation.Evolving;
import org.neuroquantum.spi.annotation.Experimental;
import org.neuroquantum.spi.annotation.Stable;

/** Every public top-level SPI type states its stability, exactly once. */
class StabilityMarksTest {
    @Test
    void everyPublicTypeCarriesExactlyOneStabilityMark() throws IOException, URISyntaxException,
            ClassNotFoundException {
        Path classes = Paths.get(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> unmarked = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
                String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
                if (name.contains("$") || name.endsWith("package-info")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (!Modifier.isPublic(type.getModifiers()) || type.getPackageName().endsWith(".annotation")) {
                    continue;
                }
                checked++;
                int marks = (type.isAnnotationPresent(Stable.class) ? 1 : 0)
                        + (type.isAnnotationPresent(Evolving.class) ? 1 : 0)
                        + (type.isAnnotationPresent(Experimental.class) ? 1 : 0);
                if (marks != 1) {
                    unmarked.add(name + " (" + marks + " marks)");
                }
            }
        }
        assertEquals(List.of(), unmarked);
        assertEquals(true, checked > 40, "found only " + checked + " SPI types: is the scan looking in the right place?");
    }
}
