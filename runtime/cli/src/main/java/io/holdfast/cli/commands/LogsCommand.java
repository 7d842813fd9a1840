package io.holdfast.cli.commands;

import io.holdfast.cli.engine.LogDemultiplexer;
import io.holdfast.cli.engine.LogOptions;
import java.io.IOException;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code holdfast logs}: the container's stdout and stderr, each to its own stream. */
@Command(name = "logs", description = "Fetch the logs of a container.")
public final class LogsCommand extends EngineCommand {

    @Option(names = {"-f", "--follow"}, description = "Follow log output until the container stops.")
    boolean follow;

    @Option(names = "--tail", paramLabel = "N", defaultValue = "all",
            description = "Number of lines to show from the end of the logs, or all (default: all).")
    String tail;

    @Option(names = {"-t", "--timestamps"}, description = "Show timestamps.")
    boolean timestamps;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Show lines written since this time: Unix seconds, RFC 3339, or a duration back such as 10m.")
    String since;

    @Option(names = "--until", paramLabel = "TIME",
            description = "Show lines written before this time: Unix seconds, RFC 3339, or a duration back.")
    String until;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Override
    public Integer call() throws IOException {
        Instant now = Instant.now();
        LogOptions options = new LogOptions(follow, tailLines(), timestamps,
                TimeOption.parse(spec(), "--since", since, now), TimeOption.parse(spec(), "--until", until, now));
        engine().logs(container, options, new LogDemultiplexer(out(), err()));
        return 0;
    }


    private Integer tailLines() {
        if (tail.equals("all")) {
            return null;
        }
        try {
            int lines = Integer.parseInt(tail);
            if (lines >= 0) {
                return lines;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ParameterException(spec().commandLine(),
                "Invalid value for option '--tail': '" + tail + "' is neither a number of lines nor all");
    }
}
