package org.jgrad.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers see either the old file or the complete new one: the content goes
 * to a temporary file in the same directory ({@code .NAME.HEX.tmp}), locked while it is written,
 * flushed to disk and then renamed over the target in one atomic step. When writing fails, the
 * temporary file is deleted and the target is left as it was; temporaries of the same target left
 * by a killed process (unlocked) are deleted by the next write. A read-only target is refused, as
 * {@code cp} would; errors name the target, not the temporary.
 */
public final class AtomicFile {
    private static final System.Logger LOG = System.getLogger(AtomicFile.class.getName());

    private AtomicFile() {
    }

    /** Writes the whole content of the new file to the channel ({@code Channels.newOutputStream} gives a stream). */
    @FunctionalInterface
    public interface Content {
        void writeTo(FileChannel channel) throws IOException;
    }

    /** Replaces {@code target} with what {@code content} writes; its directory must exist. */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        refuseReadOnly(absolute);
        removeStaleTemporaries(absolute);
        Path temp = directory.resolve("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                content.writeTo(channel);
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof FileSystemException failure) {
                throw naming(absolute, failure);
            }
            throw e;
        }
        syncDirectory(directory);
    }

    /** Refuses to replace a file its owner may not write (Files.isWritable alone says yes to root). */
    private static void refuseReadOnly(Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        boolean writable = Files.isWritable(target);
        PosixFileAttributeView posix = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (writable && posix != null) {
            PosixFileAttributes attributes = posix.readAttributes();
            if (attributes.owner().getName().equals(System.getProperty("user.name"))) {
                writable = attributes.permissions().contains(PosixFilePermission.OWNER_WRITE);
            }
        }
        if (!writable) {
            throw new AccessDeniedException(target.toString(), null,
                    "the file is read-only; not replacing it (make it writable first, as cp would need)");
        }
    }

    /** Deletes {@code .NAME.HEX.tmp} files that no live writer holds locked: leftovers of a killed save. */
    private static void removeStaleTemporaries(Path target) {
        Pattern temporary = Pattern.compile(Pattern.quote("." + target.getFileName() + ".") + "[0-9a-f]+\\.tmp");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(target.getParent(),
                p -> temporary.matcher(p.getFileName().toString()).matches())) {
            for (Path stale : files) {
                deleteUnlessLocked(stale);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not list " + target.getParent() + " for stale temporaries: " + e);
        }
    }

    private static void deleteUnlessLocked(Path stale) {
        try (FileChannel channel = FileChannel.open(stale, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock != null) {
                Files.delete(stale);
                LOG.log(System.Logger.Level.INFO, "deleted " + stale + ", left by an interrupted save");
            }
        } catch (OverlappingFileLockException inUseHere) {
            LOG.log(System.Logger.Level.DEBUG, stale + " is being written by this process");
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not delete stale " + stale + ": " + e);
        }
    }

    /** The same kind of failure, naming the target instead of the temporary. */
    private static FileSystemException naming(Path target, FileSystemException failure) {
        String file = target.toString();
        String reason = "could not write it: " + (failure.getReason() != null ? failure.getReason()
                : failure.getClass().getSimpleName());
        FileSystemException named = failure instanceof NoSuchFileException ? new NoSuchFileException(file, null, reason)
                : failure instanceof AccessDeniedException ? new AccessDeniedException(file, null, reason)
                : new FileSystemException(file, null, reason);
        named.initCause(failure);
        return named;
    }

    /** Flushes the rename to disk where the platform allows opening a directory (not on Windows). */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not flush directory " + directory + " to disk: " + e);
        }
    }
}
