package io.holdfast.cli.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code holdfast system}: the engine's own verbs; alone, it shows them. */
@Command(name = "system", description = "Manage the Holdfast engine.", subcommands = {RestoreReportCommand.class, RestorePlanCommand.class, AdoptCommand.class,
        StopUnadoptedCommand.class, ReloadCommand.class})
public final class SystemCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(((CommandContext) spec.root().userObject()).out());
        return 0;
    }
}
