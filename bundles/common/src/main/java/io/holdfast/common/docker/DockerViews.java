package io.holdfast.common.docker;

import io.holdfast.common.text.HumanDuration;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.RunState;
import io.holdfast.spi.image.ImageRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders records as the Docker Engine API v1.41 renders containers and images, field names included. */
public final class DockerViews {
    /** Docker prints Go's zero time for times that never happened. */
    static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private DockerViews() {
    }

    public static Map<String, Object> summary(ContainerRecord c, Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("Id", c.id());
        view.put("Names", List.of("/" + c.name()));
        view.put("Image", c.spec().image());
        view.put("ImageID", c.imageId());
        view.put("Command", String.join(" ", command(c.spec())));
        view.put("Created", c.created().getEpochSecond());
        view.put("State", statusWord(c.state()));
        view.put("Status", statusText(c.state(), now));
        view.put("HostConfig", Map.of("NetworkMode", c.spec().networkMode()));
        return view;
    }

    public static String statusText(RunState s, Instant now) {
        return switch (s.status()) {
            case CREATED -> "Created";
            case RUNNING -> "Up " + HumanDuration.of(Duration.between(s.startedAt(), now))
                    + (s.paused() ? " (Paused)" : "");
            case RESTARTING -> "Restarting (" + s.exitCode() + ") " + ago(s.finishedAt(), now);
            case EXITED, DEAD -> s.finishedAt() == null ? "Exited (" + s.exitCode() + ")"
                    : "Exited (" + s.exitCode() + ") " + ago(s.finishedAt(), now);
        };
    }

    /** Docker's {@code State.Status}: a paused container is "paused", though it runs. */
    public static String statusWord(RunState s) {
        return s.paused() ? "paused" : s.status().word();
    }

    private static String ago(Instant then, Instant now) {
        return then == null ? "" : HumanDuration.ago(then, now);
    }

    public static Map<String, Object> inspect(ContainerRecord c) {
        ContainerSpec spec = c.spec();
        RunState s = c.state();
        List<String> command = command(spec);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("Id", c.id());
        view.put("Created", c.created().toString());
        view.put("Path", command.get(0));
        view.put("Args", command.subList(1, command.size()));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("Status", statusWord(s));
        state.put("Running", s.running());
        state.put("Paused", s.paused());
        state.put("Restarting", s.status() == io.holdfast.spi.container.ContainerStatus.RESTARTING);
        state.put("OOMKilled", false);
        state.put("Dead", s.status() == io.holdfast.spi.container.ContainerStatus.DEAD);
        state.put("Pid", s.pid());
        state.put("ExitCode", s.exitCode());
        state.put("Error", s.error());
        state.put("StartedAt", s.startedAt() == null ? ZERO_TIME : s.startedAt().toString());
        state.put("FinishedAt", s.finishedAt() == null ? ZERO_TIME : s.finishedAt().toString());
        view.put("State", state);
        view.put("Image", c.imageId());
        view.put("LogPath", c.logPath());
        view.put("Name", "/" + c.name());
        view.put("RestartCount", c.restartCount());
        view.put("Driver", c.storageDriver());
        view.put("Platform", "linux");
        Map<String, Object> hostConfig = new LinkedHashMap<>();
        hostConfig.put("RestartPolicy", Map.of("Name", spec.restartPolicy().name(),
                "MaximumRetryCount", spec.restartPolicy().maximumRetryCount()));
        hostConfig.put("AutoRemove", spec.autoRemove());
        hostConfig.put("NetworkMode", spec.networkMode());
        hostConfig.put("Runtime", spec.runtime());
        view.put("HostConfig", hostConfig);
        view.put("GraphDriver", Map.of("Name", c.storageDriver(), "Data", Map.of("RootDir", c.rootfs())));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("Hostname", c.id().substring(0, 12));
        config.put("Image", spec.image());
        config.put("Cmd", spec.cmd().isEmpty() ? null : spec.cmd());
        config.put("Env", spec.env());
        config.put("StopTimeout", spec.stopTimeoutSeconds());
        view.put("Config", config);
        view.put("NetworkSettings", networkSettings(c));
        return view;
    }

    /** Docker's {@code NetworkSettings}: the bridge's report at top level and under {@code Networks.<name>}. */
    private static Map<String, Object> networkSettings(ContainerRecord c) {
        Map<String, String> reported = c.network() == null ? Map.of() : c.network().settings();
        Map<String, Object> endpoint = new LinkedHashMap<>();
        for (String key : List.of("IPAddress", "IPPrefixLen", "Gateway", "MacAddress")) {
            Object value = reported.getOrDefault(key, "");
            endpoint.put(key, key.equals("IPPrefixLen") ? prefixLength(reported.get(key)) : value);
        }
        Map<String, Object> settings = new LinkedHashMap<>(endpoint);
        settings.put("SandboxKey", reported.getOrDefault("SandboxKey", ""));
        settings.put("Networks", Map.of(c.spec().networkMode(), endpoint));
        return settings;
    }

    /** Docker prints a number; a bridge that reported none, or something else, shows 0. */
    private static int prefixLength(String reported) {
        try {
            return reported == null ? 0 : Integer.parseInt(reported);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static Map<String, Object> image(ImageRecord image) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("Id", image.id());
        view.put("RepoTags", image.repoTags());
        view.put("Created", image.created().getEpochSecond());
        view.put("Size", image.size());
        return view;
    }

    private static List<String> command(ContainerSpec spec) {
        return spec.cmd().isEmpty() ? List.of("/bin/sh") : spec.cmd();
    }
}
