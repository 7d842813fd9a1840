package io.holdfast.cli.commands;

import io.holdfast.cli.output.PrettyJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code holdfast inspect}: the containers' full state as a JSON array, as Docker prints it. */
@Command(name = "inspect", description = "Display detailed information on one or more containers.")
public final class InspectCommand extends EngineCommand {

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() throws IOException {
        List<Map<String, Object>> found = new ArrayList<>();
        // Like Docker: print what was found, even if some refs were not.
        int status = forEachRef(containers, (engine, ref) -> found.add(engine.inspect(ref)));
        out().println(PrettyJson.format(found));
        return status;
    }
}
