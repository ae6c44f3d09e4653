package org.neuroquantum.bench.kv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of a Maven artifact on the class path, read from the pom.properties its jar carries. */
final class ArtifactVersion {
    private ArtifactVersion() {
    }

    /** {@code groupId:artifactId:version}, or {@code groupId:artifactId:?} when the jar carries no pom.properties. */
    static String of(String groupId, String artifactId) {
        String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = ArtifactVersion.class.getResourceAsStream(resource)) {
            if (in == null) {
                return groupId + ":" + artifactId + ":?";
            }
            Properties p = new Properties();
            p.load(in);
            return groupId + ":" + artifactId + ":" + p.getProperty("version", "?");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
