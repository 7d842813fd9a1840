package io.holdfast.storage.overlay;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where one container's layers live under the driver's home: {@code <home>/<id>/upper} holds what the container
 * changed, {@code work} is overlayfs's scratch space, {@code merged} is the mounted root filesystem and
 * {@code layer.json} records the lower layer so the overlay can be mounted again after a reboot.
 */
record ContainerLayout(String containerId, Path dir) {

    /** The layout of {@code containerId} under {@code home}; refuses an id that is not a plain directory name. */
    static ContainerLayout of(Path home, String containerId) throws IOException {
        if (containerId == null || containerId.isEmpty() || containerId.startsWith(".") || containerId.contains("/")
                || containerId.contains("\0")) {
            throw new IOException("invalid container id for the overlay driver: '" + containerId + "'");
        }
        return new ContainerLayout(containerId, home.resolve(containerId));
    }

    Path upper() {
        return dir.resolve("upper");
    }

    Path work() {
        return dir.resolve("work");
    }

    Path merged() {
        return dir.resolve("merged");
    }

    Path layerFile() {
        return dir.resolve("layer.json");
    }
}
