package io.holdfast.cli.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code create} and {@code run} ask for, rendered as the body of POST /containers/create.
 *
 * @param command  the Cmd, or empty to use the image's own
 * @param network  the NetworkMode, or null for the daemon's default
 * @param config     further {@code Config} fields (User, WorkingDir, Labels, ...)
 * @param hostConfig further {@code HostConfig} fields (Binds, Memory, CapDrop, ...)
 */
public record ContainerSpec(String image, List<String> command, List<String> env,
                            RestartPolicy restartPolicy, boolean autoRemove, String network,
                            Map<String, Object> config, Map<String, Object> hostConfig) {

    public ContainerSpec(String image, List<String> command, List<String> env, RestartPolicy restartPolicy,
                         boolean autoRemove, String network) {
        this(image, command, env, restartPolicy, autoRemove, network, Map.of(), Map.of());
    }

    public Map<String, Object> toJson() {
        Map<String, Object> hostConfig = new LinkedHashMap<>(this.hostConfig);
        hostConfig.put("RestartPolicy", restartPolicy.toJson());
        hostConfig.put("AutoRemove", autoRemove);
        if (network != null) {
            hostConfig.put("NetworkMode", network);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Image", image);
        json.put("Cmd", command.isEmpty() ? null : command); // null: the image's default command
        json.put("Env", env);
        json.putAll(config);
        json.put("HostConfig", hostConfig);
        return json;
    }
}
