package io.parley.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The data directory's lock and the files kept in it. */
class DataDirectoryTest {

    @TempDir
    Path parent;

    @Test
    void createsTheDataDirectoryPrivateToTheUser() throws IOException {
        Path directory = parent.resolve("nested/parley");
        try (DataDirectoryLock ignored = DataDirectoryLock.acquire(directory)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        }
    }

    @Test
    void letsOnlyOneProcessUseADataDirectoryAtATime() {
        Path directory = parent.resolve("parley");
        try (DataDirectoryLock ignored = DataDirectoryLock.acquire(directory)) {
            assertThatThrownBy(() -> DataDirectoryLock.acquire(directory))
                    .isInstanceOf(LaunchException.class)
                    .hasMessage("Another Parley process is using the data directory " + directory
                            + ": stop it first, or set PARLEY_DATA_DIR to another directory");
        }
        DataDirectoryLock.acquire(directory).close();
    }

    @Test
    void rejectsADataDirectoryThatIsAFile() throws IOException {
        Path file = Files.createFile(parent.resolve("parley"));

        assertThatThrownBy(() -> DataDirectoryLock.acquire(file))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("exists but is not a directory");
    }

    @Test
    void generatesDatabasePasswordsOnceAndKeepsThemPrivate() throws IOException {
        DatabasePasswords first = DatabasePasswords.loadOrCreate(parent);
        DatabasePasswords second = DatabasePasswords.loadOrCreate(parent);

        assertThat(second).isEqualTo(first);
        assertThat(first.owner()).isNotEqualTo(first.app()).matches("[0-9a-f]{48}");
        assertThat(first.superuser()).isNotIn(first.owner(), first.app()).matches("[0-9a-f]{48}");
        assertThat(first.toString()).doesNotContain(first.owner()).doesNotContain(first.app())
                .doesNotContain(first.superuser());
        Path file = parent.resolve(DatabasePasswords.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aPasswordFileFromBeforeTheSuperuserHadAPasswordGainsOneAndKeepsTheOthers() throws IOException {
        Path file = parent.resolve(DatabasePasswords.FILE);
        Files.writeString(file, "owner-password=" + "a".repeat(48) + "\napp-password=" + "b".repeat(48) + "\n");

        DatabasePasswords upgraded = DatabasePasswords.loadOrCreate(parent);

        assertThat(upgraded.owner()).isEqualTo("a".repeat(48));
        assertThat(upgraded.app()).isEqualTo("b".repeat(48));
        assertThat(upgraded.superuser()).matches("[0-9a-f]{48}");
        assertThat(DatabasePasswords.loadOrCreate(parent)).as("kept for the next start").isEqualTo(upgraded);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void removesAPostmasterPidFileWhosePidNowBelongsToAnotherProgram() throws IOException {
        Path cluster = Files.createDirectory(parent.resolve("postgres"));
        // This JVM is alive and is not PostgreSQL: what a reused PID looks like.
        Path pidFile = Files.writeString(cluster.resolve("postmaster.pid"),
                ProcessHandle.current().pid() + "\n" + cluster + "\n");

        StalePostmaster.clear(cluster);

        assertThat(pidFile).doesNotExist();
    }

    @Test
    void leavesAPidFileOfAFinishedProcessToPostgres() throws Exception {
        Path cluster = Files.createDirectory(parent.resolve("postgres"));
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path pidFile = Files.writeString(cluster.resolve("postmaster.pid"), finished.pid() + "\n");

        StalePostmaster.clear(cluster);

        assertThat(pidFile).exists();
    }
}
