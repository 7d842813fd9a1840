package io.holdfast.images;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the image store keeps things under {@code <data-root>/images}:
 * {@code <hex>/rootfs/}, {@code <hex>/image.json}, {@code repositories.json}, and {@code tmp-*} work directories
 * that only exist while an import or a removal is in flight.
 */
final class ImageLayout {
    static final String TEMP_PREFIX = "tmp-";
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    ImageLayout(Path dataRoot) {
        this.root = dataRoot.toAbsolutePath().normalize().resolve("images");
    }

    Path root() {
        return root;
    }

    Path repositories() {
        return root.resolve("repositories.json");
    }

    Path imageDir(String id) {
        return root.resolve(ImageIds.hex(id));
    }

    Path rootfs(String id) {
        return imageDir(id).resolve("rootfs");
    }

    Path metadata(String id) {
        return imageDir(id).resolve("image.json");
    }

    /** A fresh, empty {@code tmp-*} directory (mode 0700) on the same file system, so the final rename is atomic. */
    Path newTempDir() throws IOException {
        io.holdfast.common.io.Directories.createPrivate(root);
        return Files.createTempDirectory(root, TEMP_PREFIX);
    }

    /** The image directories present, by hex name; anything else is ignored. */
    List<String> imageHexes() throws IOException {
        return list(HEX64);
    }

    /** Work directories left behind by a crash. */
    List<Path> leftovers() throws IOException {
        List<Path> result = new ArrayList<>();
        for (String name : list(Pattern.compile(Pattern.quote(TEMP_PREFIX) + ".*"))) {
            result.add(root.resolve(name));
        }
        return result;
    }

    private List<String> list(Pattern pattern) throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (pattern.matcher(name).matches()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
