package io.holdfast.cli.commands;

import io.holdfast.cli.output.PrettyJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code holdfast volume inspect}: the volumes as a JSON array, as Docker prints them. */
@Command(name = "inspect", description = "Display detailed information on one or more volumes.")
public final class VolumeInspectCommand extends EngineCommand {

    @Parameters(arity = "1..*", paramLabel = "VOLUME")
    List<String> volumes;

    @Override
    public Integer call() throws IOException {
        List<Map<String, Object>> found = new ArrayList<>();
        int status = forEachRef(volumes, (engine, name) -> found.add(engine.volume(name)));
        out().println(PrettyJson.format(found));
        return status;
    }
}
