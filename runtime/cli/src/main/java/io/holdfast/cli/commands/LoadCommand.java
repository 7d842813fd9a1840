package io.holdfast.cli.commands;

import io.holdfast.cli.http.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code holdfast load [-i FILE] [-q]}: load images from a docker save archive or an OCI archive (stdin by default),
 * showing each layer's progress as {@code docker load} does: a bar per layer on a terminal, a line per layer
 * otherwise; then {@code Loaded image: NAME} for each image.
 */
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
        if (input == null) {
            send(new RequestBody.Streamed(TAR, context().in(), -1));
            return 0;
        }
        if (!Files.isRegularFile(input)) {
            throw new IOException("open " + input + ": no such file");
        }
        try (InputStream archive = Files.newInputStream(input)) {
            send(new RequestBody.Streamed(TAR, archive, Files.size(input)));
        }
        return 0;
    }

    private void send(RequestBody.Streamed archive) throws IOException {
        if (quiet) {
            engine().loadImages(archive);
        } else {
            engine().loadImages(archive, display());
        }
    }

    /** Layer progress to the {@link ProgressDisplay}, the {@code Loaded image} lines as they are. */
    private Consumer<Map<String, Object>> display() {
        ProgressDisplay display = new ProgressDisplay(out(), ProgressDisplay.isTerminal(out()));
        return message -> {
            Object text = message.get("stream");
            if (text != null) {
                out().println(text.toString().stripTrailing());
            } else {
                display.show(message);
            }
        };
    }
}
