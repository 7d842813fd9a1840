package io.holdfast.cli.commands;

import io.holdfast.cli.output.RestoreRows;
import java.io.IOException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

/**
 * {@code holdfast system adopt CONTAINER...|--all}: adopts containers the restore left alone because their settings
 * changed since they were created; they then run under today's settings.
 */
@Command(name = "adopt", description = "Adopt containers the restore left alone (settings changed since they were "
        + "created), under today's settings.")
public final class AdoptCommand extends EngineCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    UnadoptedChoice choice;

    @Override
    public Integer call() throws IOException {
        return forEachRef(choice.refs(engine(), false),
                (engine, ref) -> out().println(RestoreRows.row(engine.adopt(ref))));
    }
}
