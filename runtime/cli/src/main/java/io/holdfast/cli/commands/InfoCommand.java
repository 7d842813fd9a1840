package io.holdfast.cli.commands;

import io.holdfast.cli.engine.Json;
import io.holdfast.cli.output.HumanSize;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code holdfast info}: the engine's state as "Key: value" lines. Unlike Docker, top-level keys are
 * not indented under a "Server:" heading, so scripts can match whole lines.
 */
@Command(name = "info", description = "Display system-wide information.")
public final class InfoCommand extends EngineCommand {

    @Override
    public Integer call() throws IOException {
        Map<String, Object> info = engine().info();
        PrintStream out = out();
        out.println("Containers: " + Json.number(info, "Containers"));
        out.println(" Running: " + Json.number(info, "ContainersRunning"));
        out.println(" Paused: " + Json.number(info, "ContainersPaused"));
        out.println(" Stopped: " + Json.number(info, "ContainersStopped"));
        out.println("Images: " + Json.number(info, "Images"));
        out.println("Server Version: " + Json.string(info, "ServerVersion"));
        out.println("Storage Driver: " + Json.string(info, "Driver"));
        out.println("Runtimes: " + String.join(" ", Json.objectField(info, "Runtimes").keySet()));
        out.println("Default Runtime: " + Json.string(info, "DefaultRuntime"));
        out.println("Live Restore Enabled: " + Json.string(info, "LiveRestoreEnabled"));
        out.println("Kernel Version: " + Json.string(info, "KernelVersion"));
        out.println("Operating System: " + Json.string(info, "OperatingSystem"));
        out.println("CPUs: " + Json.number(info, "NCPU"));
        out.println("Total Memory: " + HumanSize.binary(Json.number(info, "MemTotal")));
        out.println("Name: " + Json.string(info, "Name"));
        out.println("ID: " + Json.string(info, "ID"));
        out.println("Holdfast Root Dir: " + Json.string(info, "DockerRootDir"));
        return 0;
    }
}
