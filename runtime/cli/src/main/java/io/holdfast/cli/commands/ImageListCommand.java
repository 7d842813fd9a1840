package io.holdfast.cli.commands;

import io.holdfast.docker.model.ImageSummary;
import io.holdfast.cli.output.HumanSize;
import io.holdfast.common.text.HumanDuration;
import io.holdfast.cli.output.Tables;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code holdfast image ls}: one row per tag, untagged images as {@code <none>}. */
@Command(name = "ls", aliases = "list", description = "List images.")
public class ImageListCommand extends EngineCommand {

    private static final List<String> HEADER = List.of("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");
    private static final String NONE = "<none>";

    @Override
    public Integer call() throws IOException {
        Instant now = Instant.now();
        List<List<String>> rows = new ArrayList<>();
        for (ImageSummary image : engine().images()) {
            List<String> tags = image.repoTags().isEmpty() ? List.of(NONE + ":" + NONE) : image.repoTags();
            for (String repoTag : tags) {
                rows.add(List.of(
                        ImageImportCommand.repository(repoTag),
                        tagOf(repoTag),
                        Ids.shortId(image.id()),
                        HumanDuration.ago(Instant.ofEpochSecond(image.created()), now),
                        HumanSize.decimal(image.size())));
            }
        }
        Tables.render(HEADER, rows).forEach(out()::println);
        return 0;
    }

    private static String tagOf(String repoTag) {
        String repository = ImageImportCommand.repository(repoTag);
        return repository.length() == repoTag.length() ? NONE : repoTag.substring(repository.length() + 1);
    }
}
