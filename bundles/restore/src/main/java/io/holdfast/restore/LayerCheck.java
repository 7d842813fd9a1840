package io.holdfast.restore;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.image.ImageRecord;
import io.holdfast.spi.image.Images;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the image layers a container's root filesystem stands on are still there. Only for drivers that stack
 * the image's layers under the container (overlay); a vfs container has a copy of its own and needs none of them.
 */
final class LayerCheck {
    private final Images images;

    /** @param images the image store, or null when it is not bound: then nothing is checked */
    LayerCheck(Images images) {
        this.images = images;
    }

    /** A sentence naming the first missing layer, or null. Blocks on a few stat calls. */
    String missing(ContainerRecord record) {
        if (images == null || "vfs".equals(record.storageDriver())) {
            return null;
        }
        ImageRecord image;
        try {
            image = images.resolve(record.imageId());
        } catch (EngineException gone) {
            return null; // an image deleted while containers used it is Docker's "force": its layers are checked by the driver
        }
        for (String layer : image.layers()) {
            if (!Files.isDirectory(Path.of(layer))) {
                return "image layer " + layer + " of image " + record.imageId() + " is missing";
            }
        }
        return null;
    }
}
