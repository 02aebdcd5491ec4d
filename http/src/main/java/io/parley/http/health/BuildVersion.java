package io.parley.http.health;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven stamped into parley-version.properties at build time. */
final class BuildVersion {

    private BuildVersion() {
    }

    static String read() {
        try (InputStream in = BuildVersion.class.getResourceAsStream("/parley-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("parley.version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
