package io.holdfast.cli.commands;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code holdfast save [-o FILE] IMAGE...}: images as one tar (docker save format, also an OCI image layout). */
@Command(name = "save", description = "Save one or more images to a tar archive (streamed to STDOUT by default).")
public final class SaveCommand extends EngineCommand {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to a file, instead of STDOUT.")
    Path output;

    @Parameters(index = "0", arity = "1..*", paramLabel = "IMAGE")
    List<String> images;

    @Override
    public Integer call() throws IOException {
        if (output == null) {
            engine().saveImages(images, out());
            out().flush();
            return 0;
        }
        // written aside and renamed, so a failed save never leaves a truncated archive under the name asked for
        Path partial = Files.createTempFile(output.toAbsolutePath().getParent(), ".holdfast-save-", ".tar");
        try {
            try (OutputStream sink = Files.newOutputStream(partial)) {
                engine().saveImages(images, sink);
            }
            Files.move(partial, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        return 0;
    }
}
