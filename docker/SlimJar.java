import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Build-time step of docker/Dockerfile: removes from the fat jar the embedded PostgreSQL binaries of the platforms
 * the image cannot run (the jar carries macOS, Windows, Alpine and other architectures' for `./parley run` anywhere:
 * about 110 MB the image does not need). Usage: {@code java SlimJar.java <jar> <binary to keep>}, e.g.
 * {@code postgres-linux-x86_64.txz}.
 */
class SlimJar {

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]).toAbsolutePath();
        String keep = args[1];
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Path root = zip.getPath("/");
            List<Path> binaries;
            try (var files = Files.list(root)) {
                binaries = files.filter(f -> f.getFileName().toString().matches("postgres-.*\\.txz")).toList();
            }
            if (binaries.stream().noneMatch(f -> f.getFileName().toString().equals(keep))) {
                throw new IllegalStateException(keep + " is not in " + jar + ": " + binaries);
            }
            for (Path binary : binaries) {
                if (!binary.getFileName().toString().equals(keep)) {
                    Files.delete(binary);
                    System.out.println("SlimJar: removed " + binary.getFileName());
                }
            }
        }
    }
}
