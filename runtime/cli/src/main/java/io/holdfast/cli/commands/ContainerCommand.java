package io.holdfast.cli.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code holdfast container}: container verbs that have no top-level form (prune); alone, it shows them. */
@Command(name = "container", description = "Manage containers.", subcommands = {ContainerPruneCommand.class})
public final class ContainerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(((CommandContext) spec.root().userObject()).out());
        return 0;
    }
}
