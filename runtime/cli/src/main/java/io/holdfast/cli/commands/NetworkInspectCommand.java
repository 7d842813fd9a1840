package io.holdfast.cli.commands;

import io.holdfast.cli.output.PrettyJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code holdfast network inspect}: the networks as a JSON array, containers included, as Docker prints it. */
@Command(name = "inspect", description = "Display detailed information on one or more networks.")
public final class NetworkInspectCommand extends EngineCommand {

    @Parameters(arity = "1..*", paramLabel = "NETWORK")
    List<String> networks;

    @Override
    public Integer call() throws IOException {
        List<Map<String, Object>> found = new ArrayList<>();
        int status = forEachRef(networks, (engine, ref) -> found.add(engine.inspectNetwork(ref)));
        out().println(PrettyJson.format(found));
        return status;
    }
}
