package io.holdfast.supervisor.commands;

import io.holdfast.common.docker.DockerViews;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.RestartPolicy;
import io.holdfast.spi.logs.ContainerLogs;
import io.holdfast.spi.logs.LogQuery;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands for containers, in scope {@code holdfast}: the same operations as the CLI, returning data that the
 * shell prints (and that pipes can use).
 *
 * <pre>{@code g! holdfast:run -d --name web busybox sleep 1000
 * g! holdfast:ps -a}</pre>
 */
@Component(service = ContainerCommands.class, property = {"osgi.command.scope=holdfast",
        "osgi.command.function=ps", "osgi.command.function=inspect", "osgi.command.function=create",
        "osgi.command.function=run", "osgi.command.function=start", "osgi.command.function=stop",
        "osgi.command.function=kill", "osgi.command.function=rm", "osgi.command.function=wait",
        "osgi.command.function=logs", "osgi.command.function=restart", "osgi.command.function=rename",
        "osgi.command.function=pause", "osgi.command.function=unpause", "osgi.command.function=top"})
public class ContainerCommands {
    @Reference
    private Containers containers;
    @Reference
    private ContainerLogs logs;
    /** Where the refs that succeeded go when others failed: the Gogo session's output. */
    private final Supplier<PrintStream> out;

    public ContainerCommands() {
        this.out = () -> System.out; // Gogo routes System.out to the calling session
    }

    /** For tests: the services and an output of their own. */
    ContainerCommands(Containers containers, ContainerLogs logs, PrintStream out) {
        this.containers = containers;
        this.logs = logs;
        this.out = () -> out;
    }

    @Descriptor("list containers: running ones, or all with -a")
    public List<String> ps(@Descriptor("show all containers, not only running ones")
                           @Parameter(names = {"-a", "--all"}, presentValue = "true", absentValue = "false")
                           boolean all) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-12s  %-16s  %-24s  %s", "CONTAINER ID", "IMAGE", "STATUS", "NAMES"));
        Instant now = Instant.now();
        for (ContainerRecord c : containers.list()) {
            if (all || c.state().running()) {
                lines.add(String.format("%-12s  %-16s  %-24s  %s", c.shortId(), c.spec().image(),
                        DockerViews.statusText(c, now), c.name()));
            }
        }
        return lines;
    }

    @Descriptor("show a container's record as Docker's inspect shows it")
    public String inspect(@Descriptor("container name, id or unique id prefix") String ref) throws Exception {
        return Json.pretty(DockerViews.inspect(containers.get(ref)));
    }

    @Descriptor("create a container without starting it; prints its id")
    public String create(
            @Descriptor("container name") @Parameter(names = "--name", absentValue = "") String name,
            @Descriptor("restart policy: no, always, unless-stopped, on-failure[:N]")
            @Parameter(names = "--restart", absentValue = "no") String restart,
            @Descriptor("remove the container when it exits")
            @Parameter(names = "--rm", presentValue = "true", absentValue = "false") boolean rm,
            @Descriptor("network: bridge (the default when installed), none or host")
            @Parameter(names = {"--network", "--net"}, absentValue = "") String network,
            @Descriptor("image, then the command and its arguments") String... imageAndCommand) {
        return containers.create(spec(name, restart, rm, network, imageAndCommand)).id();
    }

    @Descriptor("create and start a container in the background; prints its id")
    public String run(
            @Descriptor("run in the background (the only mode in the shell)")
            @Parameter(names = "-d", presentValue = "true", absentValue = "true") boolean detach,
            @Descriptor("container name") @Parameter(names = "--name", absentValue = "") String name,
            @Descriptor("restart policy: no, always, unless-stopped, on-failure[:N]")
            @Parameter(names = "--restart", absentValue = "no") String restart,
            @Descriptor("remove the container when it exits")
            @Parameter(names = "--rm", presentValue = "true", absentValue = "false") boolean rm,
            @Descriptor("network: bridge (the default when installed), none or host")
            @Parameter(names = {"--network", "--net"}, absentValue = "") String network,
            @Descriptor("image, then the command and its arguments") String... imageAndCommand) {
        String id = containers.create(spec(name, restart, rm, network, imageAndCommand)).id();
        containers.start(id);
        return id;
    }

    @Descriptor("start created or stopped containers; each is tried, and any failure is reported")
    public List<String> start(@Descriptor("container names or ids") String... refs) {
        return EachRef.apply(refs, containers::start, out.get());
    }

    @Descriptor("stop containers: SIGTERM, then SIGKILL after the timeout; each is tried, and any failure is reported")
    public List<String> stop(
            @Descriptor("seconds to wait before SIGKILL") @Parameter(names = {"-t", "--time"}, absentValue = "10")
            int seconds,
            @Descriptor("container names or ids") String... refs) {
        return EachRef.apply(refs, ref -> containers.stop(ref, Duration.ofSeconds(seconds)), out.get());
    }

    @Descriptor("send a signal to containers; each is tried, and any failure is reported")
    public List<String> kill(
            @Descriptor("signal name or number") @Parameter(names = {"-s", "--signal"}, absentValue = "KILL")
            String signal,
            @Descriptor("container names or ids") String... refs) {
        return EachRef.apply(refs, ref -> containers.kill(ref, signal.replaceFirst("^SIG", "")), out.get());
    }

    @Descriptor("stop (if running) and start containers again; each is tried, and any failure is reported")
    public List<String> restart(
            @Descriptor("seconds to wait before SIGKILL") @Parameter(names = {"-t", "--time"}, absentValue = "10")
            int seconds,
            @Descriptor("container names or ids") String... refs) {
        return EachRef.apply(refs, ref -> containers.restart(ref, Duration.ofSeconds(seconds)), out.get());
    }

    @Descriptor("give a container a new name")
    public String rename(@Descriptor("container name or id") String ref,
                         @Descriptor("the new name") String newName) {
        return containers.rename(ref, newName).name();
    }

    @Descriptor("freeze every process of running containers; each is tried, and any failure is reported")
    public List<String> pause(@Descriptor("container names or ids") String... refs) {
        return EachRef.apply(refs, containers::pause, out.get());
    }

    @Descriptor("thaw paused containers; each is tried, and any failure is reported")
    public List<String> unpause(@Descriptor("container names or ids") String... refs) {
        return EachRef.apply(refs, containers::unpause, out.get());
    }

    @Descriptor("a running container's processes, one line each, as ps prints them (titles first)")
    public List<String> top(@Descriptor("container name or id") String ref,
                            @Descriptor("ps options (default -ef)") String... psOptions) {
        var top = containers.top(ref, String.join(" ", psOptions));
        List<String> lines = new java.util.ArrayList<>();
        lines.add(String.join("\t", top.titles()));
        top.processes().forEach(row -> lines.add(String.join("\t", row)));
        return lines;
    }

    @Descriptor("remove containers; each is tried, and any failure is reported")
    public List<String> rm(
            @Descriptor("kill running containers first")
            @Parameter(names = {"-f", "--force"}, presentValue = "true", absentValue = "false") boolean force,
            @Descriptor("container names or ids") String... refs) {
        return EachRef.apply(refs, ref -> containers.remove(ref, force), out.get());
    }

    @Descriptor("block until a container exits; returns its exit code")
    public int wait(@Descriptor("container name or id") String ref) {
        return containers.awaitExit(ref).join();
    }

    @Descriptor("a container's log lines")
    public List<String> logs(
            @Descriptor("only the last N lines") @Parameter(names = "--tail", absentValue = "-1") int tail,
            @Descriptor("container name or id") String ref) throws Exception {
        List<String> lines = new ArrayList<>();
        logs.read(Path.of(containers.get(ref).logPath()), new LogQuery(tail, false), null, e -> lines.add(e.line()));
        return lines;
    }

    /** The CLI's defaults: no network named means the engine's default network, as with Docker. */
    private static ContainerSpec spec(String name, String restart, boolean rm, String network,
                                      String... imageAndCommand) {
        if (imageAndCommand.length == 0) {
            throw new IllegalArgumentException("an image is required");
        }
        return new ContainerSpec(name.isEmpty() ? null : name, imageAndCommand[0],
                List.of(imageAndCommand).subList(1, imageAndCommand.length), List.of(), RestartPolicy.parse(restart),
                rm, network.isEmpty() ? null : network, null, ContainerSpec.DEFAULT_STOP_TIMEOUT_SECONDS);
    }
}
