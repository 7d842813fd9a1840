package io.holdfast.cli.commands;

import io.holdfast.cli.http.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code holdfast load [-i FILE]}: load images from a docker save archive or an OCI archive (stdin by default). */
@Command(name = "load", description = "Load images from a tar archive (docker save format or OCI image layout), "
        + "from a file or STDIN.")
public final class LoadCommand extends EngineCommand {
    private static final String TAR = "application/x-tar";

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "Read from a tar archive file, instead of "
            + "STDIN.")
    Path input;

    @Option(names = {"-q", "--quiet"}, description = "Suppress the load output.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        List<String> lines;
        if (input == null) {
            lines = engine().loadImages(new RequestBody.Streamed(TAR, context().in(), -1));
        } else {
            if (!Files.isRegularFile(input)) {
                throw new IOException("open " + input + ": no such file");
            }
            try (InputStream archive = Files.newInputStream(input)) {
                lines = engine().loadImages(new RequestBody.Streamed(TAR, archive, Files.size(input)));
            }
        }
        if (!quiet) {
            lines.forEach(out()::println);
        }
        return 0;
    }
}
