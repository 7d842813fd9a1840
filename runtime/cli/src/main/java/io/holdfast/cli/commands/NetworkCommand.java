package io.holdfast.cli.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code holdfast network}: the user-defined network verbs; alone, it shows them. */
@Command(name = "network", description = "Manage networks.",
        subcommands = {NetworkCreateCommand.class, NetworkListCommand.class, NetworkInspectCommand.class,
                NetworkConnectCommand.class, NetworkDisconnectCommand.class, NetworkRemoveCommand.class,
                NetworkPruneCommand.class})
public final class NetworkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(((CommandContext) spec.root().userObject()).out());
        return 0;
    }
}
