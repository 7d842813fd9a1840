package io.holdfast.images;

import io.holdfast.spi.container.Containers;
import io.holdfast.spi.image.ImageRecord;
import io.holdfast.spi.image.Images;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands for images, in scope {@code holdfast}: {@code images}, {@code import}, {@code rmi}. */
@Component(service = ImageCommands.class, property = {"osgi.command.scope=holdfast",
        "osgi.command.function=images", "osgi.command.function=importImage", "osgi.command.function=rmi"})
public class ImageCommands {
    @Reference
    private Images images;
    @Reference
    private Containers containers;

    @Descriptor("list images")
    public List<String> images() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-32s  %-12s  %10s", "REPOSITORY:TAG", "IMAGE ID", "SIZE"));
        for (ImageRecord image : images.list()) {
            String tags = image.repoTags().isEmpty() ? "<none>" : String.join(",", image.repoTags());
            lines.add(String.format("%-32s  %-12s  %10d", tags, image.id().substring(7, 19), image.size()));
        }
        return lines;
    }

    @Descriptor("import a root-filesystem tarball as an image; returns its id")
    public String importImage(@Descriptor("the tarball's path on the engine's host") String file,
                                @Descriptor("name[:tag]") String reference) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return images.importTarball(in, reference).id();
        }
    }

    @Descriptor("remove images that no container uses")
    public List<String> rmi(@Descriptor("names, name:tag or ids") String... refs) {
        List<String> lines = new ArrayList<>();
        for (String ref : refs) {
            lines.addAll(images.remove(ref,
                    id -> containers.list().stream().anyMatch(c -> c.imageId().equals(id))));
        }
        return lines;
    }
}
