package io.holdfast.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * The verbs of {@code holdfast}, in the order its help lists them. A command line builds only the verb it names:
 * picocli reads every option of every command it is given when it starts, and building all of them was most of the
 * CLI's start-up. Names, not classes, so that the verbs not used are not even loaded ({@code VerbsTest} checks that
 * each name is its class's {@code @Command} name).
 */
final class Verbs {
    private static final String PACKAGE = "io.holdfast.cli.commands.";
    /** Verb name to its command class (in {@link #PACKAGE}), in help order. */
    static final List<Map.Entry<String, String>> ALL = List.of(
            Map.entry("run", "RunCommand"), Map.entry("exec", "ExecCommand"), Map.entry("create", "CreateCommand"),
            Map.entry("start", "StartCommand"), Map.entry("stop", "StopCommand"), Map.entry("kill", "KillCommand"),
            Map.entry("rm", "RmCommand"), Map.entry("restart", "RestartCommand"),
            Map.entry("rename", "RenameCommand"), Map.entry("pause", "PauseCommand"),
            Map.entry("unpause", "UnpauseCommand"), Map.entry("top", "TopCommand"), Map.entry("diff", "DiffCommand"),
            Map.entry("port", "PortCommand"), Map.entry("stats", "StatsCommand"),
            Map.entry("container", "ContainerCommand"), Map.entry("cp", "CpCommand"),
            Map.entry("export", "ExportCommand"), Map.entry("wait", "WaitCommand"),
            Map.entry("inspect", "InspectCommand"), Map.entry("logs", "LogsCommand"), Map.entry("ps", "PsCommand"),
            Map.entry("info", "InfoCommand"), Map.entry("events", "EventsCommand"),
            Map.entry("version", "VersionCommand"), Map.entry("image", "ImageCommand"),
            Map.entry("images", "ImagesCommand"), Map.entry("load", "LoadCommand"), Map.entry("save", "SaveCommand"),
            Map.entry("pull", "PullCommand"), Map.entry("push", "PushCommand"),
            Map.entry("network", "NetworkCommand"), Map.entry("volume", "VolumeCommand"),
            Map.entry("system", "SystemCommand"), Map.entry("shell", "ShellCommand"));
    /** Verbs whose own arguments end at the first positional: {@code run busybox sh -c 'echo hi'}, {@code top web -o pid}. */
    private static final List<String> STOP_AT_POSITIONAL = List.of("run", "create", "exec", "top");

    private Verbs() {
    }

    /**
     * Adds to {@code top} the verb that {@code args} names, or every verb when it names none that exists (bare
     * {@code holdfast}, {@code --help}, a typo: picocli's answer then lists or suggests them). {@code takesValue} tells
     * the top command's options that take a value ({@code -H HOST}), whose value is not a verb.
     */
    static void addNamed(CommandLine top, String[] args, Predicate<String> takesValue) {
        String named = null;
        for (int i = 0; i < args.length && named == null; i++) {
            if (takesValue.test(args[i])) {
                i++;
            } else if (!args[i].startsWith("-")) {
                named = args[i];
            }
        }
        for (Map.Entry<String, String> verb : ALL) {
            if (named == null || verb.getKey().equals(named)) {
                add(top, verb);
                if (named != null) {
                    return;
                }
            }
        }
        if (named != null) {
            addNamed(top, new String[0], takesValue); // an unknown verb: all of them, for picocli's suggestion
        }
    }

    private static void add(CommandLine top, Map.Entry<String, String> verb) {
        Object command;
        try {
            command = Class.forName(PACKAGE + verb.getValue()).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the CLI's verb '" + verb.getKey() + "' cannot be built", e);
        }
        top.addSubcommand(verb.getKey(), command);
        if (STOP_AT_POSITIONAL.contains(verb.getKey())) {
            top.getSubcommands().get(verb.getKey()).setStopAtPositional(true);
        }
    }
}
