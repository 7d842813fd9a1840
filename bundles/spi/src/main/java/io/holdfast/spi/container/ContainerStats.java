package io.holdfast.spi.container;

import java.time.Instant;
import java.util.Map;

/**
 * One sample of a running container's resource use, read from its cgroup (v1 or v2) and network namespace; the
 * API renders it in Docker's {@code stats} shape.
 *
 * <pre>{@code ContainerStats s = containers.stats("web"); long cpu = s.cpuTotalNanos();}</pre>
 *
 * @param read            when it was read
 * @param cpuTotalNanos   CPU time the container used, all CPUs
 * @param cpuKernelNanos  of that, in the kernel
 * @param cpuUserNanos    of that, in user space
 * @param systemCpuNanos  CPU time the whole host used since boot (Docker's {@code system_cpu_usage})
 * @param onlineCpus      CPUs online on the host
 * @param memoryUsage     memory the cgroup charges now, page cache included
 * @param memoryMaxUsage  the most it ever charged (0 where the cgroup does not record it)
 * @param memoryLimit     the limit, or the host's memory when the container has none
 * @param memoryStats     the cgroup's {@code memory.stat}, key by key as the kernel names them
 * @param pidsCurrent     tasks in the cgroup
 * @param pidsLimit       their limit, 0 when unlimited
 * @param networks        per interface in the container's network namespace (loopback left out)
 */
public record ContainerStats(Instant read, long cpuTotalNanos, long cpuKernelNanos, long cpuUserNanos,
                             long systemCpuNanos, int onlineCpus, long memoryUsage, long memoryMaxUsage,
                             long memoryLimit, Map<String, Long> memoryStats, long pidsCurrent, long pidsLimit,
                             Map<String, InterfaceCounters> networks) {
    public ContainerStats {
        memoryStats = Map.copyOf(memoryStats);
        networks = Map.copyOf(networks);
    }

    /** One interface's counters, as {@code /proc/net/dev} gives them. */
    public record InterfaceCounters(long rxBytes, long rxPackets, long rxErrors, long rxDropped, long txBytes,
                                    long txPackets, long txErrors, long txDropped) {
    }
}
