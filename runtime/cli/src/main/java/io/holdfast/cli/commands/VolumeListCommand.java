package io.holdfast.cli.commands;

import io.holdfast.cli.output.Tables;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code holdfast volume ls [-q] [--filter name=|label=|dangling=|driver=]}: driver and name per volume. */
@Command(name = "ls", aliases = "list", description = "List volumes.")
public final class VolumeListCommand extends EngineCommand {

    @Option(names = {"-q", "--quiet"}, description = "Only display volume names.")
    boolean quiet;

    @Option(names = {"-f", "--filter"}, paramLabel = "FILTER",
            description = "Filter output (name=, label=, dangling=true|false, driver=).")
    List<String> filters;

    @Override
    public Integer call() throws IOException {
        Object listed = engine().volumes(FilterFlags.json(filters, spec())).get("Volumes");
        List<List<String>> rows = new ArrayList<>();
        if (listed instanceof List<?> volumes) {
            for (Object item : volumes) {
                Map<?, ?> volume = (Map<?, ?>) item;
                if (quiet) {
                    out().println(volume.get("Name"));
                } else {
                    rows.add(List.of(String.valueOf(volume.get("Driver")), String.valueOf(volume.get("Name"))));
                }
            }
        }
        if (!quiet) {
            Tables.render(List.of("DRIVER", "VOLUME NAME"), rows).forEach(out()::println);
        }
        return 0;
    }
}
