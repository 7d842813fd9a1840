package io.holdfast.cli.commands;

import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code holdfast image tag}: another name for an image, as {@code docker tag}. */
@Command(name = "tag", description = "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE.")
public final class ImageTagCommand extends EngineCommand {

    @Parameters(index = "0", paramLabel = "SOURCE_IMAGE", description = "An image name[:tag], id or id prefix.")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET_IMAGE", description = "The new name[:tag] (:latest implied).")
    String target;

    @Override
    public Integer call() throws IOException {
        engine().tagImage(source, target);
        return 0;
    }
}
