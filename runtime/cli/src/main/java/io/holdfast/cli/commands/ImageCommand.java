package io.holdfast.cli.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code holdfast image}: the image verbs; alone, it shows them. */
@Command(name = "image", description = "Manage images.",
        subcommands = {ImageImportCommand.class, ImageListCommand.class, ImageRemoveCommand.class,
                ImageTagCommand.class, LoadCommand.class, SaveCommand.class})
public final class ImageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(((CommandContext) spec.root().userObject()).out());
        return 0;
    }
}
