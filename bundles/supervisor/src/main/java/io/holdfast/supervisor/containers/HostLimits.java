package io.holdfast.supervisor.containers;

import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.MountSpec;
import io.holdfast.spi.container.ResourceLimits;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a create is checked against on this host, with Docker's rules: bind sources must exist, the CPU quota must
 * fit the CPUs there are, and a memory limit without a swap limit allows as much swap again (Docker's
 * {@code adaptContainerSettings}) where the kernel accounts swap.
 */
final class HostLimits {
    private static final Path INIT = Path.of("/usr/bin/tini-static");

    private HostLimits() {
    }

    static ResourceLimits adapt(ResourceLimits limits) {
        if (limits.memorySwap() > 0 && !swapAccounted()) {
            throw new EngineException(Kind.INVALID, "MemorySwap: this host's kernel does not account swap,"
                    + " so a swap limit cannot be set");
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        if (limits.nanoCpus() > cpus * 1_000_000_000L) {
            throw new EngineException(Kind.INVALID, "NanoCpus: range of CPUs is from 0.01 to " + cpus
                    + ".00, as there are only " + cpus + " CPUs available");
        }
        if (limits.memory() > 0 && limits.memorySwap() == 0 && swapAccounted()) {
            return new ResourceLimits(limits.memory(), limits.memory() * 2, limits.nanoCpus(), limits.cpuShares(),
                    limits.cpuQuota(), limits.cpuPeriod(), limits.pidsLimit());
        }
        return limits;
    }

    /**
     * Docker creates a missing {@code Binds} source; Holdfast refuses instead, as Docker does for {@code Mounts}: a
     * typo should not leave a root-owned directory on the host and an empty mount in the container.
     */
    static void checkMounts(ContainerSpec spec) {
        for (MountSpec mount : spec.mounts()) {
            if (mount.type() == MountSpec.Type.BIND && !Files.exists(Path.of(mount.source()))) {
                throw new EngineException(Kind.INVALID, "invalid mount config for type \"bind\": bind source path"
                        + " does not exist: " + mount.source());
            }
        }
        if (spec.process().init() && !Files.isExecutable(INIT)) {
            throw new EngineException(Kind.INVALID, "Init: " + INIT + " is missing on this host (Debian: apt-get"
                    + " install tini)");
        }
    }

    private static boolean swapAccounted() {
        return Files.exists(Path.of("/sys/fs/cgroup/memory/memory.memsw.limit_in_bytes"))
                || Files.exists(Path.of("/sys/fs/cgroup/memory.swap.max"));
    }
}
