package io.parley.deploy.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The files under docker/, found from the module directory (Maven) or the repository root (an IDE). */
final class DockerFiles {

    static final Path DIRECTORY = locate();

    private DockerFiles() {
    }

    static String read(String name) {
        try {
            return Files.readString(DIRECTORY.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locate() {
        for (Path candidate : List.of(Path.of("../docker"), Path.of("docker"))) {
            if (Files.isRegularFile(candidate.resolve("Dockerfile"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("docker/ not found from " + Path.of("").toAbsolutePath());
    }
}
