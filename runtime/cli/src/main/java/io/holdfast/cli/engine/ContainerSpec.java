package io.holdfast.cli.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code create} and {@code run} ask for, rendered as the body of POST /containers/create.
 *
 * @param command  the Cmd, or empty to use the image's own
 * @param network  the NetworkMode, or null for the daemon's default
 */
public record ContainerSpec(String image, List<String> command, List<String> env,
                            RestartPolicy restartPolicy, boolean autoRemove, String network) {

    public Map<String, Object> toJson() {
        Map<String, Object> hostConfig = new LinkedHashMap<>();
        hostConfig.put("RestartPolicy", restartPolicy.toJson());
        hostConfig.put("AutoRemove", autoRemove);
        if (network != null) {
            hostConfig.put("NetworkMode", network);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Image", image);
        json.put("Cmd", command.isEmpty() ? null : command); // null: the image's default command
        json.put("Env", env);
        json.put("HostConfig", hostConfig);
        return json;
    }
}
