package io.parley.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Launch settings from environment variables given as key, value, key, value…, with {@code home} as user.home. */
final class TestLaunchSettings {

    private TestLaunchSettings() {
    }

    static LaunchSettings of(Path home, String... keyValues) {
        Map<String, String> environment = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            environment.put(keyValues[i], keyValues[i + 1]);
        }
        Properties system = new Properties();
        system.setProperty("user.home", home.toString());
        return LaunchSettings.from(environment, system);
    }
}
