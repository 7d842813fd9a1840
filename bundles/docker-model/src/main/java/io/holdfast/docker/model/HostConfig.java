package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Docker's {@code HostConfig}: the settings that depend on this host, as inspect shows them and a create request
 * carries them (moby's {@code container.HostConfig}), the fields Holdfast knows of. {@code PidsLimit} and
 * {@code Init} are {@code null} when not set, as in Docker.
 */
public record HostConfig(
        @JsonProperty("Binds") List<String> binds,
        @JsonProperty("LogConfig") LogConfig logConfig,
        @JsonProperty("NetworkMode") String networkMode,
        @JsonProperty("RestartPolicy") RestartPolicy restartPolicy,
        @JsonProperty("AutoRemove") boolean autoRemove,
        @JsonProperty("Runtime") String runtime,
        @JsonProperty("Mounts") List<Mount> mounts,
        @JsonProperty("Tmpfs") Map<String, String> tmpfs,
        @JsonProperty("ReadonlyRootfs") boolean readonlyRootfs,
        @JsonProperty("CapAdd") List<String> capAdd,
        @JsonProperty("CapDrop") List<String> capDrop,
        @JsonProperty("Privileged") boolean privileged,
        @JsonProperty("SecurityOpt") List<String> securityOpt,
        @JsonProperty("Memory") long memory,
        @JsonProperty("MemorySwap") long memorySwap,
        @JsonProperty("NanoCpus") long nanoCpus,
        @JsonProperty("CpuShares") long cpuShares,
        @JsonProperty("CpuQuota") long cpuQuota,
        @JsonProperty("CpuPeriod") long cpuPeriod,
        @JsonProperty("PidsLimit") Long pidsLimit,
        @JsonProperty("Ulimits") List<Ulimit> ulimits,
        @JsonProperty("Init") Boolean init,
        @JsonProperty("ExtraHosts") List<String> extraHosts,
        @JsonProperty("Dns") List<String> dns,
        @JsonProperty("DnsSearch") List<String> dnsSearch,
        @JsonProperty("DnsOptions") List<String> dnsOptions,
        @JsonProperty("Devices") List<DeviceMapping> devices,
        @JsonProperty("PortBindings") Map<String, List<PortMapping>> portBindings,
        @JsonProperty("PublishAllPorts") boolean publishAllPorts) {

    /** One host side of a published port, in {@code HostConfig.PortBindings} and {@code NetworkSettings.Ports}. */
    public record PortMapping(@JsonProperty("HostIp") String hostIp, @JsonProperty("HostPort") String hostPort) {
    }

    public record DeviceMapping(@JsonProperty("PathOnHost") String pathOnHost,
                                @JsonProperty("PathInContainer") String pathInContainer,
                                @JsonProperty("CgroupPermissions") String cgroupPermissions) {
    }

    public record RestartPolicy(@JsonProperty("Name") String name,
                                @JsonProperty("MaximumRetryCount") int maximumRetryCount) {
    }

    /** How the container's output is logged; Holdfast's monitors write one format, shown as Docker's json-file. */
    public record LogConfig(@JsonProperty("Type") String type, @JsonProperty("Config") Map<String, String> config) {
    }

    /** One entry of {@code HostConfig.Mounts} (moby's {@code mount.Mount}): a bind or a tmpfs. */
    public record Mount(@JsonProperty("Type") String type,
                        @JsonProperty("Source") String source,
                        @JsonProperty("Target") String target,
                        @JsonProperty("ReadOnly") boolean readOnly,
                        @JsonProperty("BindOptions") BindOptions bindOptions,
                        @JsonProperty("TmpfsOptions") TmpfsOptions tmpfsOptions) {
    }

    public record BindOptions(@JsonProperty("Propagation") String propagation) {
    }

    /** {@code Mode} is the file mode as a number (Go's {@code os.FileMode}), e.g. 1023 for 01777. */
    public record TmpfsOptions(@JsonProperty("SizeBytes") long sizeBytes, @JsonProperty("Mode") long mode) {
    }

    /** One rlimit, e.g. {@code {"Name": "nofile", "Soft": 1024, "Hard": 2048}}. */
    public record Ulimit(@JsonProperty("Name") String name, @JsonProperty("Soft") long soft,
                         @JsonProperty("Hard") long hard) {
    }
}
