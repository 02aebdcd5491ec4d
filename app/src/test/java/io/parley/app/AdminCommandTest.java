package io.parley.app;

import io.parley.core.admin.PlatformAdmins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar parley.jar admin grant|revoke <email>} (docs/operator-console.md, "Platform admins"). */
class AdminCommandTest {

    @TempDir
    Path dataDirectory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void grantMakesAPlatformAdminThatTheServerKnowsAfterARestart() {
        assertThat(run("admin", "grant", "Ops@Example.com")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Ops@Example.com is now a platform admin.");
        assertThat(run("admin", "grant", "ops@example.com")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("was a platform admin already");

        try (RunningParley parley = new Launcher(settings("api")).launch("--micronaut.server.port=-1")) {
            PlatformAdmins admins = parley.context().getBean(PlatformAdmins.class);
            assertThat(admins.isAdmin("ops@example.com")).isTrue();
            assertThat(admins.isAdmin("someone@example.com")).isFalse();
        }

        assertThat(run("admin", "revoke", "ops@example.com")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("is no longer a platform admin");
    }

    @Test
    void aWrongCommandLineShowsTheUsageAndStartsNothing() {
        assertThat(run("admin", "promote", "ops@example.com")).isEqualTo(2);
        assertThat(run("admin", "grant")).isEqualTo(2);
        assertThat(run("admin", "grant", "not-an-email")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(AdminCommand.USAGE);
        assertThat(dataDirectory.resolve("postgres")).as("no database started").doesNotExist();
    }

    private int run(String... args) {
        return AdminCommand.run(settings("all"), args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private LaunchSettings settings(String roles) {
        Properties system = new Properties();
        system.setProperty("user.home", dataDirectory.toString());
        return LaunchSettings.from(Map.of("PARLEY_DATA_DIR", dataDirectory.toString(), "PARLEY_ROLES", roles), system);
    }
}
