package io.holdfast.cli.commands;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code holdfast export [-o FILE] CONTAINER}: the container's root file system as a tar, to stdout or a file. */
@Command(name = "export", description = "Export a container's filesystem as a tar archive.")
public final class ExportCommand extends EngineCommand {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to a file, instead of STDOUT.")
    Path output;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Override
    public Integer call() throws IOException {
        if (output == null) {
            engine().export(container, out());
            out().flush();
            return 0;
        }
        Path partial = Files.createTempFile(output.toAbsolutePath().getParent(), ".holdfast-export-", ".tar");
        try {
            try (OutputStream sink = Files.newOutputStream(partial)) {
                engine().export(container, sink);
            }
            Files.move(partial, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        return 0;
    }
}
