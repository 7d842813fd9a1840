package io.holdfast.cli.commands;

import io.holdfast.cli.engine.EngineApiException;
import io.holdfast.cli.engine.EngineClient;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of the verbs: reaches the root command's context and shares the per-ref loop. */
public abstract class EngineCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    protected CommandSpec spec() {
        return spec;
    }

    protected CommandContext context() {
        return (CommandContext) spec.root().userObject();
    }

    protected EngineClient engine() {
        return context().engine();
    }

    protected PrintStream out() {
        return context().out();
    }

    protected PrintStream err() {
        return context().err();
    }

    /** Exit status when the command fails; {@code run} overrides it with Docker's 125. */
    public int failureExitCode() {
        return 1;
    }

    /**
     * Applies the action to each ref as Docker does: a daemon error for one ref is reported and the
     * rest still run; any such failure makes the exit status 1. An unreachable daemon ends it all.
     */
    protected int forEachRef(List<String> refs, RefAction action) throws IOException {
        EngineClient engine = engine();
        int status = 0;
        for (String ref : refs) {
            try {
                action.apply(engine, ref);
            } catch (EngineApiException e) {
                out().flush();
                err().println(ErrorLines.of(e));
                status = 1;
            }
        }
        return status;
    }

    @FunctionalInterface
    protected interface RefAction {
        void apply(EngineClient engine, String ref) throws IOException;
    }
}
