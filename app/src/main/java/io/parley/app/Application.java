package io.parley.app;

/**
 * {@code java -jar parley.jar}: every role on one port with an embedded PostgreSQL by default, or the roles in
 * {@code PARLEY_ROLES} against the database in {@code DATASOURCES_DEFAULT_URL}. See {@link Launcher}.
 * {@code java -jar parley.jar admin …} manages platform admins instead ({@link AdminCommand}).
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (AdminCommand.isAdminCommand(args)) {
            System.exit(AdminCommand.run(LaunchSettings.fromEnvironment(), args, System.out, System.err));
            return;
        }
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
