package io.parley.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.parley.core.ServerRoles;
import io.parley.core.secrets.DevSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Starts Parley: checks the settings, brings up the database (embedded or external), adds the properties only the
 * launcher knows (database roles, development secrets, roles), then starts Micronaut.
 *
 * <p>The context is built with {@link Micronaut#build} but started here rather than with {@code Micronaut.start()}:
 * that method calls {@code System.exit} on a start-up failure (no chance to stop the embedded database first or to
 * print a one-line reason) and registers a shutdown hook that races the database's own (see {@link ShutdownHook}).
 */
final class Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    private final LaunchSettings settings;

    Launcher(LaunchSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts every role asked for and returns once the HTTP server listens; with role {@code migrate}, returns once
     * the migrations have run (the caller then closes it).
     */
    RunningParley launch(String... args) {
        Roles roles = Roles.parse(settings.roles());
        DatabaseMode database = settings.externalDatabase() ? external(roles) : EmbeddedMode.start(settings);
        RunningParley parley = new RunningParley(database);
        try {
            ApplicationContext context = Micronaut.build(args)
                    .mainClass(Application.class)
                    .banner(false)
                    .properties(properties(roles, database))
                    .build();
            parley.attach(context);
            context.start();
            if (roles.migrateOnly()) {
                // micronaut-flyway migrates when the default DataSource bean is created.
                context.getBean(DataSource.class, Qualifiers.byName("default"));
                LOG.info("Parley migrations finished in {}; {}", uptime(), database.description());
            } else {
                EmbeddedServer server = context.getBean(EmbeddedServer.class);
                server.start();
                parley.serving(server);
                LOG.info("Parley ready in {}: roles {}; {}; http://localhost:{}", uptime(), roles.value(),
                        database.description(), server.getPort());
            }
            return parley;
        } catch (RuntimeException e) {
            parley.close();
            throw e;
        }
    }

    private Map<String, Object> properties(Roles roles, DatabaseMode database) {
        Map<String, Object> properties = new LinkedHashMap<>(database.properties());
        if (database instanceof EmbeddedMode embedded) {
            // Only the all-in-one mode may invent secrets; they are kept so sealed data still opens after a restart.
            properties.putAll(DevSecrets.loadOrCreate(embedded.dataDirectory(), settings.encryptionKeyConfigured(),
                    settings.jwtSecretConfigured()));
        }
        properties.put(ServerRoles.PROPERTY, roles.value());
        properties.put("parley.tracing.enabled", settings.tracing());
        if (roles.migrateOnly()) {
            // The Job that migrates must, even where serving processes set PARLEY_DATABASE_MIGRATE=false.
            properties.put("flyway.datasources.migrations.enabled", true);
        }
        return properties;
    }

    /** Checks the production settings before connecting anywhere, so a broken deployment fails in a second. */
    private ExternalDatabase external(Roles roles) {
        ExternalDatabase database = ExternalDatabase.from(settings);
        if (!roles.migrateOnly()) {
            requireSecrets(); // the migration Job needs none
        }
        return database;
    }

    private void requireSecrets() {
        List<String> missing = new ArrayList<>();
        if (!settings.encryptionKeyConfigured()) {
            missing.add(LaunchSettings.ENCRYPTION_KEY + " is not set: generate one with `openssl rand -base64 32`");
        }
        if (!settings.jwtSecretConfigured()) {
            missing.add(LaunchSettings.JWT_SECRET + " is not set: generate one with `openssl rand -base64 48`");
        }
        if (!missing.isEmpty()) {
            throw new LaunchException(String.join(System.lineSeparator(), missing));
        }
    }

    private static String uptime() {
        long millis = ManagementFactory.getRuntimeMXBean().getUptime();
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
