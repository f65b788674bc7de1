package io.caseflow.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.Properties;
import java.util.UUID;

/** Who this JVM is, for its registry record: host, pid, a unique id per run, and the caseflow version it runs. */
record NodeIdentity(String id, String host, long pid, String version) {
    static final String UNKNOWN_VERSION = "development";

    static NodeIdentity current() {
        String host = hostName();
        long pid = ProcessHandle.current().pid();
        return new NodeIdentity(host + "-" + pid + "-" + UUID.randomUUID().toString().substring(0, 8), host, pid, caseflowVersion());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    /** The version Maven recorded in the core jar; a build from class folders (an IDE, a test) has none. */
    static String caseflowVersion() {
        try (InputStream in = NodeIdentity.class.getResourceAsStream("/META-INF/maven/io.caseflow/caseflow-core/pom.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", UNKNOWN_VERSION);
            }
        } catch (IOException e) {
            // fall through: the version is only informative
        }
        String manifest = NodeIdentity.class.getPackage().getImplementationVersion();
        return manifest == null ? UNKNOWN_VERSION : manifest;
    }
}
