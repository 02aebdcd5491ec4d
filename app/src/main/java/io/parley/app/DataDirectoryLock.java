package io.parley.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One Parley process per data directory. Holding this lock also means any PostgreSQL still running on the
 * directory's cluster was left behind by a crashed run (see {@link StalePostmaster}), not started by a live one.
 * The operating system releases the lock when the process dies, so a crash never leaves it stuck.
 */
final class DataDirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates the directory (private to the user) if needed and locks it. */
    static DataDirectoryLock acquire(Path directory) {
        createPrivateDirectory(directory);
        Path file = directory.resolve("parley.lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new LaunchException("Another Parley process is using the data directory " + directory
                        + ": stop it first, or set " + LaunchSettings.DATA_DIR + " to another directory");
            }
            // For a human wondering who holds it.
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock " + file, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this JVM (a second launch in one test JVM)
        }
    }

    private static void createPrivateDirectory(Path directory) {
        try {
            Files.createDirectories(directory.getParent());
            try {
                // The directory holds the database and the development secrets: owner-only from the start.
                Files.createDirectory(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectory(directory); // Windows: the user profile protects it
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(directory)) {
                throw new LaunchException(LaunchSettings.DATA_DIR + " " + directory + " exists but is not a directory");
            }
        } catch (IOException e) {
            throw new LaunchException("Cannot create the data directory " + directory + " (" + e.getMessage()
                    + "): set " + LaunchSettings.DATA_DIR + " to a writable directory");
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // The lock goes with the process anyway.
        }
    }
}
