package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** {@code GET /info} (moby's {@code system.Info}), the fields Holdfast knows; {@code Runtimes} maps name to path. */
public record SystemInfo(
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("ServerVersion") String serverVersion,
        @JsonProperty("Containers") long containers,
        @JsonProperty("ContainersRunning") long containersRunning,
        @JsonProperty("ContainersPaused") long containersPaused,
        @JsonProperty("ContainersStopped") long containersStopped,
        @JsonProperty("Images") long images,
        @JsonProperty("Driver") String driver,
        @JsonProperty("LiveRestoreEnabled") boolean liveRestoreEnabled,
        @JsonProperty("DefaultRuntime") String defaultRuntime,
        @JsonProperty("Runtimes") Map<String, Runtime> runtimes,
        @JsonProperty("DockerRootDir") String dockerRootDir,
        @JsonProperty("KernelVersion") String kernelVersion,
        @JsonProperty("OperatingSystem") String operatingSystem,
        @JsonProperty("OSType") String osType,
        @JsonProperty("Architecture") String architecture,
        @JsonProperty("NCPU") int ncpu,
        @JsonProperty("MemTotal") long memTotal,
        @JsonProperty("Debug") boolean debug,
        @JsonProperty("ExperimentalBuild") boolean experimentalBuild,
        @JsonProperty("CgroupDriver") String cgroupDriver,
        @JsonProperty("CgroupVersion") String cgroupVersion,
        @JsonProperty("LoggingDriver") String loggingDriver) {

    public record Runtime(@JsonProperty("path") String path) {
    }
}
