package io.holdfast.cli.commands;

import io.holdfast.cli.engine.EngineClient;
import io.holdfast.cli.engine.LogDemultiplexer;
import io.holdfast.docker.model.ExecConfig;
import io.holdfast.docker.model.ExecInspect;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code holdfast exec}: run a command in a running container. Attached, print its output (stdout and stderr each to
 * its own stream) and exit with its exit code; detached, return once it runs.
 */
@Command(name = "exec", description = "Run a command in a running container; without -d, print its output and exit "
        + "with its exit code.")
public final class ExecCommand extends EngineCommand {

    @Option(names = {"-d", "--detach"}, description = "Run the command in the background.")
    boolean detach;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Set an environment variable.")
    List<String> env = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory inside the container.")
    String workdir;

    @Option(names = {"-u", "--user"}, paramLabel = "USER",
            description = "User to run as: name, uid, name:group or uid:gid.")
    String user;

    @Option(names = "--privileged", description = "Give the command every capability.")
    boolean privileged;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND")
    List<String> command;

    @Override
    public Integer call() throws IOException {
        EngineClient engine = engine();
        String id = engine.execCreate(container, new ExecConfig(user == null ? "" : user, privileged, false, false,
                !detach, !detach, detach, "", env, workdir == null ? "" : workdir, command));
        if (detach) {
            engine.execStartDetached(id);
            return 0;
        }
        engine.execStart(id, new LogDemultiplexer(out(), err()));
        out().flush();
        err().flush();
        ExecInspect ended = engine.execInspect(id);
        return ended.exitCode() == null ? 0 : ended.exitCode();
    }
}
