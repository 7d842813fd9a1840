package io.holdfast.cli.commands;

import io.holdfast.cli.engine.EngineClient;
import io.holdfast.cli.http.RequestBody;
import io.holdfast.common.io.Directories;
import io.holdfast.common.tar.EntryAttributes;
import io.holdfast.common.tar.TarExtractor;
import io.holdfast.common.tar.TarWriter;
import io.holdfast.spi.container.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code holdfast cp}: copies files between a container and the host, either way, as {@code docker cp} does: into an
 * existing directory under the source's name, otherwise to the destination's name; {@code -} for a tar on stdin or
 * stdout. Tars from the engine are extracted with the tar-slip safe extractor, never writing outside the destination.
 */
@Command(name = "cp", description = "Copy files/folders between a container and the local filesystem.")
public final class CpCommand extends EngineCommand {
    private static final String TAR = "application/x-tar";

    @picocli.CommandLine.Option(names = {"-a", "--archive"}, description = "Archive mode (copy all uid/gid information).")
    boolean archive;

    @Parameters(index = "0", paramLabel = "SRC", description = "CONTAINER:SRC_PATH, a local path, or - (a tar on stdin)")
    String source;

    @Parameters(index = "1", paramLabel = "DEST", description = "CONTAINER:DEST_PATH, a local path, or - (tar to stdout)")
    String destination;

    @Override
    public Integer call() throws IOException {
        Optional<String[]> from = containerPath(source);
        Optional<String[]> to = containerPath(destination);
        if (from.isPresent() == to.isPresent()) {
            throw new picocli.CommandLine.ParameterException(spec().commandLine(), from.isPresent()
                    ? "copying between containers is not supported" : "must specify at least one container source");
        }
        if (from.isPresent()) {
            fromContainer(from.get()[0], from.get()[1]);
        } else {
            toContainer(to.get()[0], to.get()[1]);
        }
        return 0;
    }

    /** {@code CONTAINER:PATH}; a local path with a colon must be written with a slash first ({@code ./a:b}). */
    private static Optional<String[]> containerPath(String arg) {
        int colon = arg.indexOf(':');
        if (colon <= 0 || arg.startsWith("/") || arg.startsWith(".")) {
            return Optional.empty();
        }
        return Optional.of(new String[] {arg.substring(0, colon), arg.substring(colon + 1)});
    }

    private void fromContainer(String container, String path) throws IOException {
        EngineClient engine = engine();
        if (destination.equals("-")) {
            engine.getArchive(container, path, out());
            out().flush();
            return;
        }
        Path target = Path.of(destination).toAbsolutePath().normalize();
        boolean intoDirectory = Files.isDirectory(target) || destination.endsWith("/");
        if (destination.endsWith("/") && !Files.isDirectory(target)) {
            throw new IOException("destination directory " + destination + " does not exist");
        }
        Path parent = intoDirectory ? target : target.getParent();
        Path staging = Files.createTempDirectory(parent, ".holdfast-cp-");
        try {
            Path tar = Files.createTempFile(staging, "archive", ".tar");
            try (OutputStream sink = Files.newOutputStream(tar)) {
                engine.getArchive(container, path, sink);
            }
            Path extracted = Files.createDirectory(staging.resolve("x"));
            try (InputStream in = Files.newInputStream(tar);
                 TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
                new TarExtractor(extracted, new EntryAttributes(isRoot())).extract(entries);
            } catch (EngineException unsafe) {
                throw new IOException("the archive of " + path + " from " + container + ": " + unsafe.getMessage());
            }
            place(extracted, target, intoDirectory);
        } finally {
            Directories.deleteTree(staging);
        }
    }

    /** Moves what was extracted into place: each top entry into a directory, or the one entry to the target name. */
    private static void place(Path extracted, Path target, boolean intoDirectory) throws IOException {
        try (var tops = Files.list(extracted)) {
            for (Path top : tops.toList()) {
                if (top.getFileName().toString().equals(".")) {
                    continue;
                }
                Path to = intoDirectory ? target.resolve(top.getFileName()) : target;
                if (Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) {
                    if (!Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
                        throw new IOException("cannot overwrite directory " + to + " with non-directory");
                    }
                    mergeInto(top, to);
                } else {
                    if (Files.exists(to, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
                        throw new IOException("cannot overwrite non-directory " + to + " with directory");
                    }
                    Files.move(top, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void mergeInto(Path from, Path to) throws IOException {
        try (var children = Files.list(from)) {
            for (Path child : children.toList()) {
                Path there = to.resolve(child.getFileName());
                if (Files.isDirectory(there, LinkOption.NOFOLLOW_LINKS)
                        && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    mergeInto(child, there);
                } else {
                    Files.move(child, there, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private void toContainer(String container, String path) throws IOException {
        EngineClient engine = engine();
        if (source.equals("-")) {
            engine.putArchive(container, path, new RequestBody.Streamed(TAR, context().in(), -1), archive);
            return;
        }
        Path local = Path.of(source).toAbsolutePath().normalize();
        if (!Files.exists(local, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("could not find the file " + source + " on this host");
        }
        boolean contentsOnly = source.endsWith("/.");
        Optional<Map<String, Object>> there = engine.statPath(container, path);
        boolean intoDirectory = there.map(stat -> (((Number) stat.getOrDefault("mode", 0)).longValue()
                & (1L << 31)) != 0).orElse(false);
        if (there.isEmpty() && path.endsWith("/")) {
            throw new IOException("destination directory " + path + " does not exist in " + container);
        }
        if (there.isPresent() && !intoDirectory && Files.isDirectory(local)) {
            throw new IOException("cannot copy a directory to the non-directory " + path);
        }
        String name = intoDirectory ? local.getFileName().toString() : baseName(path);
        String extractAt = intoDirectory ? path : parentOf(path);
        Path tar = Files.createTempFile("holdfast-cp-", ".tar");
        try {
            try (OutputStream sink = Files.newOutputStream(tar); TarWriter writer = new TarWriter(sink)) {
                if (contentsOnly) {
                    writer.writeContents(local);
                } else {
                    writer.write(local, name);
                }
            }
            try (InputStream body = Files.newInputStream(tar)) {
                engine.putArchive(container, contentsOnly ? path : extractAt,
                        new RequestBody.Streamed(TAR, body, Files.size(tar)), archive);
            }
        } finally {
            Files.deleteIfExists(tar);
        }
    }

    private static String baseName(String path) {
        String trimmed = path.replaceAll("/+$", "");
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static String parentOf(String path) {
        String trimmed = path.replaceAll("/+$", "");
        int slash = trimmed.lastIndexOf('/');
        return slash <= 0 ? "/" : trimmed.substring(0, slash);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
