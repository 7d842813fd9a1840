package io.holdfast.cli.commands;

import io.holdfast.cli.output.HumanSize;
import io.holdfast.docker.model.SystemInfo;
import java.io.IOException;
import java.io.PrintStream;
import picocli.CommandLine.Command;

/**
 * {@code holdfast info}: the engine's state as "Key: value" lines. Unlike Docker, top-level keys are
 * not indented under a "Server:" heading, so scripts can match whole lines.
 */
@Command(name = "info", description = "Display system-wide information.")
public final class InfoCommand extends EngineCommand {

    @Override
    public Integer call() throws IOException {
        SystemInfo info = engine().info();
        PrintStream out = out();
        out.println("Containers: " + info.containers());
        out.println(" Running: " + info.containersRunning());
        out.println(" Paused: " + info.containersPaused());
        out.println(" Stopped: " + info.containersStopped());
        out.println("Images: " + info.images());
        out.println("Server Version: " + info.serverVersion());
        out.println("Storage Driver: " + info.driver());
        out.println("Runtimes: " + String.join(" ", info.runtimes().keySet()));
        out.println("Default Runtime: " + info.defaultRuntime());
        out.println("Live Restore Enabled: " + info.liveRestoreEnabled());
        out.println("Kernel Version: " + info.kernelVersion());
        out.println("Operating System: " + info.operatingSystem());
        out.println("CPUs: " + info.ncpu());
        out.println("Total Memory: " + HumanSize.binary(info.memTotal()));
        out.println("Name: " + info.name());
        out.println("ID: " + info.id());
        out.println("Holdfast Root Dir: " + info.dockerRootDir());
        return 0;
    }
}
