package io.parley.core.testing;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * Implemented by {@code @MicronautTest} classes that need PostgreSQL: the context connects (as the app role) to the
 * JVM's shared {@link TestDatabase}, migrated by Flyway at start-up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public interface DatabaseTest extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        TestDatabase.shared().properties().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        return properties;
    }
}
