package io.holdfast.routes.create;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * Which fields of Docker's create body Holdfast honours, and, for every other field, the check that it carries
 * only its default: the stock docker CLI sends dozens of fields with zero values on every create ({@code
 * "BlkioWeight": 0}, {@code "MemorySwappiness": -1}, {@code "ConsoleSize": [0, 0]}), and those must pass, while
 * anything that asks for something is refused by name, never silently dropped.
 */
final class SupportedFields {
    static final Set<String> CONFIG = Set.of("Image", "Cmd", "Env", "Entrypoint", "WorkingDir", "User", "Hostname",
            "Domainname", "Labels", "Volumes", "StopSignal", "StopTimeout", "OpenStdin", "StdinOnce", "Tty", "HostConfig",
            "NetworkingConfig", "Healthcheck", "ExposedPorts",
            // the client's own attach wishes: they change nothing about the container
            "AttachStdin", "AttachStdout", "AttachStderr");
    static final Set<String> HOST_CONFIG = Set.of("Binds", "Mounts", "Tmpfs", "ReadonlyRootfs", "CapAdd", "CapDrop",
            "Memory", "MemorySwap", "NanoCpus", "CpuShares", "CpuQuota", "CpuPeriod", "PidsLimit", "Ulimits", "Init",
            "ExtraHosts", "Dns", "DnsSearch", "DnsOptions", "SecurityOpt", "RestartPolicy", "AutoRemove",
            "NetworkMode", "Runtime", "Privileged", "Devices", "ConsoleSize", "PortBindings", "PublishAllPorts", "VolumesFrom",
            // client-side only: the CLI writes the id file itself
            "ContainerIDFile");

    /** Values that mean "not set" although they are not zero. */
    private static final Map<String, Set<String>> NON_ZERO_DEFAULTS = Map.of(
            "HostConfig.MemorySwappiness", Set.of("-1"),
            "HostConfig.Isolation", Set.of("default"),
            "HostConfig.LogConfig.Type", Set.of("json-file"));

    /** Maps whose keys are the request (a port, a path, a setting): any key at all asks for something. */
    private static final Set<String> KEYED_MAPS = Set.of("ExposedPorts", "Volumes", "HostConfig.PortBindings",
            "HostConfig.Sysctls", "HostConfig.StorageOpt", "HostConfig.LogConfig.Config", "HostConfig.Annotations");

    /** Why a field is refused, where a reason says more than "not supported". */
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("HostConfig.VolumeDriver", "a volume driver per container is not supported; create the volume"
                    + " first (docker volume create --driver NAME)"),
            Map.entry("HostConfig.DeviceCgroupRules", "host devices are not supported"),
            Map.entry("HostConfig.DeviceRequests", "host devices are not supported"),
            Map.entry("HostConfig.Links", "legacy links are not supported"),
            Map.entry("HostConfig.LogConfig", "log drivers and log options per container are not supported (json-file with the engine's log-size-max is used)"),
            Map.entry("HostConfig.PidMode", "sharing another PID namespace is not supported"),
            Map.entry("HostConfig.IpcMode", "sharing another IPC namespace is not supported"),
            Map.entry("HostConfig.UTSMode", "sharing another UTS namespace is not supported"),
            Map.entry("HostConfig.UsernsMode", "user namespaces are not supported"),
            Map.entry("HostConfig.CgroupnsMode", "cgroup namespace modes are not supported"),
            Map.entry("HostConfig.ShmSize", "a /dev/shm size is not supported; mount a tmpfs on /dev/shm instead"),
            Map.entry("NetworkingConfig", "only EndpointsConfig.<network>.Aliases and .IPAMConfig.IPv4Address are supported"));

    private SupportedFields() {
    }

    /** Refuses the first field of {@code fields} that Holdfast does not honour and that is not at its default. */
    static void refuseUnsupported(JsonFields fields, Set<String> supported, String prefix) {
        for (String name : fields.fieldNames()) {
            if (supported.contains(name)) {
                continue;
            }
            String path = prefix + name;
            JsonNode value = fields.node(name);
            if (!isDefault(path, value)) {
                String reason = REASONS.getOrDefault(path, REASONS.getOrDefault(prefix.isEmpty() ? name
                        : prefix.substring(0, prefix.length() - 1), "not supported by Holdfast"));
                throw JsonFields.refused(path, reason + " (found " + value + ")");
            }
        }
    }

    /** Zero, false, empty, null, an object or array of nothing but those, or a field's documented "unset" value. */
    static boolean isDefault(String path, JsonNode value) {
        if (value == null || value.isNull()) {
            return true;
        }
        if (NON_ZERO_DEFAULTS.getOrDefault(path, Set.of()).contains(value.asText())) {
            return true;
        }
        if (value.isObject()) {
            if (KEYED_MAPS.contains(path) && !value.isEmpty()) {
                return false;
            }
            for (var entry : value.properties()) {
                if (!isDefault(path + "." + entry.getKey(), entry.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!isDefault(path + "[]", item)) {
                    return false;
                }
            }
            return true;
        }
        if (value.isBoolean()) {
            return !value.booleanValue();
        }
        if (value.isNumber()) {
            return value.asDouble() == 0;
        }
        return value.asText().isEmpty();
    }
}
