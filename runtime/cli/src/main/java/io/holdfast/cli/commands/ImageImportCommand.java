package io.holdfast.cli.commands;

import io.holdfast.cli.http.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code holdfast image import}: upload a root filesystem tarball as an image; prints its id. */
@Command(name = "import", description = "Import a root filesystem tarball (a file, or - for stdin) as an image.")
public final class ImageImportCommand extends EngineCommand {

    private static final String STDIN = "-";
    private static final String TAR = "application/x-tar";

    @Parameters(index = "0", paramLabel = "FILE|-")
    String source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME[:TAG]")
    String reference;

    @Override
    public Integer call() throws IOException {
        String repository = reference == null ? null : repository(reference);
        String tag = reference == null ? null : tag(reference);
        String id;
        if (source.equals(STDIN)) {
            // Unknown length: sent chunked, as it is read.
            id = engine().importImage(new RequestBody.Streamed(TAR, context().in(), -1), repository, tag);
        } else {
            Path file = Path.of(source);
            if (!Files.isRegularFile(file)) {
                throw new IOException("open " + source + ": no such file");
            }
            try (InputStream tarball = Files.newInputStream(file)) {
                id = engine().importImage(new RequestBody.Streamed(TAR, tarball, Files.size(file)), repository, tag);
            }
        }
        out().println(id);
        return 0;
    }

    /** "registry:5000/app:1.0" is repository "registry:5000/app", tag "1.0": a tag's colon follows the last slash. */
    static String repository(String reference) {
        int colon = tagColon(reference);
        return colon < 0 ? reference : reference.substring(0, colon);
    }

    static String tag(String reference) {
        int colon = tagColon(reference);
        return colon < 0 ? "latest" : reference.substring(colon + 1);
    }

    private static int tagColon(String reference) {
        int colon = reference.lastIndexOf(':');
        return colon > reference.lastIndexOf('/') ? colon : -1;
    }
}
