package io.holdfast.cli.commands;

import io.holdfast.cli.engine.EngineClient;
import java.io.InputStream;
import java.io.PrintStream;

/** What every verb needs from the process: the engine it talks to and the standard streams. */
public interface CommandContext {

    EngineClient engine();

    InputStream in();

    PrintStream out();

    PrintStream err();

    /** An environment variable of the CLI process, or null. */
    String environment(String name);
}
