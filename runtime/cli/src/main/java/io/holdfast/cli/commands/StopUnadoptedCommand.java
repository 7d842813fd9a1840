package io.holdfast.cli.commands;

import java.io.IOException;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code holdfast system stop CONTAINER...|--all}: stops containers the restore left alone, and orphans that no
 * record knows about (killed, their monitors released).
 */
@Command(name = "stop", description = "Stop containers the restore left alone, or orphans no record knows about.")
public final class StopUnadoptedCommand extends EngineCommand {

    @Option(names = {"-t", "--time"}, paramLabel = "SECONDS", defaultValue = "10",
            description = "Seconds to wait before killing a container (default: ${DEFAULT-VALUE}).")
    int seconds;

    @ArgGroup(exclusive = true, multiplicity = "1")
    UnadoptedChoice choice;

    @Override
    public Integer call() throws IOException {
        return forEachRef(choice.refs(engine(), true), (engine, ref) -> {
            Map<String, Object> done = engine.stopUnadopted(ref, seconds);
            out().println(done.get("Id") + "  " + done.get("Detail"));
        });
    }
}
