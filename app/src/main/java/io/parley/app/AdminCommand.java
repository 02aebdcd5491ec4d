package io.parley.app;

import io.parley.core.admin.PlatformAdmins;

import java.io.PrintStream;

/**
 * {@code java -jar parley.jar admin grant <email>} and {@code … admin revoke <email>}: the one way besides the
 * configuration ({@code PARLEY_PLATFORM_ADMINS}) to make someone a platform admin (docs/operator-console.md). It runs
 * against the same database settings as the server, as the {@code migrate} role (migrations run, nothing is served),
 * then exits. With the embedded database, stop Parley first: one process at a time owns its data directory.
 */
final class AdminCommand {

    static final String USAGE = "usage: java -jar parley.jar admin grant <email> | admin revoke <email>";

    private AdminCommand() {
    }

    static boolean isAdminCommand(String[] args) {
        return args.length > 0 && args[0].equals("admin");
    }

    /** The process's exit code: 0 done, 1 failed, 2 wrong usage. */
    static int run(LaunchSettings settings, String[] args, PrintStream out, PrintStream err) {
        if (args.length != 3 || !(args[1].equals("grant") || args[1].equals("revoke")) || !args[2].contains("@")) {
            err.println(USAGE);
            return 2;
        }
        String email = args[2];
        try (RunningParley parley = new Launcher(settings.withRoles("migrate")).launch()) {
            PlatformAdmins admins = parley.context().getBean(PlatformAdmins.class);
            if (args[1].equals("grant")) {
                boolean granted = admins.grant(email, "cli (" + System.getProperty("user.name", "?") + ")");
                out.println(granted ? email + " is now a platform admin."
                        : email + " was a platform admin already.");
            } else {
                boolean revoked = admins.revoke(email);
                out.println(revoked ? email + " is no longer a platform admin (unless PARLEY_PLATFORM_ADMINS names it)."
                        : email + " had no grant to revoke.");
            }
            return 0;
        } catch (RuntimeException e) {
            err.println("parley admin: " + e.getMessage());
            return 1;
        }
    }
}
