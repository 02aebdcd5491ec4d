package io.parley.app;

/**
 * {@code java -jar parley.jar}: every role on one port with an embedded PostgreSQL by default, or the roles in
 * {@code PARLEY_ROLES} against the database in {@code DATASOURCES_DEFAULT_URL}. See {@link Launcher}.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        RunningParley parley;
        try {
            parley = new Launcher(LaunchSettings.fromEnvironment()).launch(args);
        } catch (RuntimeException e) {
            StartupFailure.report(e);
            System.exit(1);
            return;
        }
        if (parley.server().isEmpty()) {
            parley.close(); // migrated; nothing to serve
            System.exit(0);
        }
        ShutdownHook.install(parley);
    }
}
