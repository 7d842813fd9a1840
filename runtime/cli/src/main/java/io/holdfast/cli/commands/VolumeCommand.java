package io.holdfast.cli.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code holdfast volume}: the volume verbs; alone, it shows them. */
@Command(name = "volume", description = "Manage volumes.",
        subcommands = {VolumeCreateCommand.class, VolumeListCommand.class, VolumeInspectCommand.class,
                VolumeRemoveCommand.class, VolumePruneCommand.class})
public final class VolumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(((CommandContext) spec.root().userObject()).out());
        return 0;
    }
}
