package io.holdfast.spi.container;

/**
 * The container's cgroup limits, in Docker's {@code HostConfig} units; 0 means "not set" everywhere.
 *
 * <pre>{@code new ResourceLimits(64L << 20, 0, 500_000_000L, 0, 0, 0, 100) // 64 MiB, half a CPU, 100 pids}</pre>
 *
 * @param memory      memory limit in bytes; at least {@link #MINIMUM_MEMORY} when set
 * @param memorySwap  memory plus swap in bytes, at least {@code memory}; -1 is unlimited swap
 * @param nanoCpus    CPU quota in billionths of a CPU; excludes {@code cpuQuota}/{@code cpuPeriod}
 * @param cpuShares   relative CPU weight (cgroup v1 shares; runc converts for v2)
 * @param cpuQuota    CPU time in microseconds per {@code cpuPeriod}; -1 is unlimited
 * @param cpuPeriod   CFS period in microseconds (1000 to 1000000)
 * @param pidsLimit   the most processes; 0 is unlimited
 */
public record ResourceLimits(long memory, long memorySwap, long nanoCpus, long cpuShares, long cpuQuota,
                             long cpuPeriod, long pidsLimit) {
    public static final ResourceLimits NONE = new ResourceLimits(0, 0, 0, 0, 0, 0, 0);
    /** Docker's floor for a memory limit. */
    public static final long MINIMUM_MEMORY = 6L * 1024 * 1024;

    public ResourceLimits {
        if (memory < 0 || (memory > 0 && memory < MINIMUM_MEMORY)) {
            throw new IllegalArgumentException("memory limit " + memory + ": minimum memory limit allowed is 6MB");
        }
        if (memorySwap < -1 || (memorySwap > 0 && memorySwap < memory)) {
            throw new IllegalArgumentException("memory swap " + memorySwap
                    + ": minimum memoryswap limit should be larger than memory limit, see usage");
        }
        if (memorySwap > 0 && memory == 0) {
            throw new IllegalArgumentException("you should always set the memory limit when using memoryswap limit");
        }
        if (nanoCpus < 0 || cpuShares < 0 || cpuQuota < -1 || cpuPeriod < 0 || pidsLimit < 0) {
            throw new IllegalArgumentException("resource limits must not be negative: " + this);
        }
        if (nanoCpus > 0 && (cpuQuota != 0 || cpuPeriod != 0)) {
            throw new IllegalArgumentException("conflicting options: Nano CPUs and CPU Period/Quota cannot both be set");
        }
        if (cpuPeriod != 0 && (cpuPeriod < 1000 || cpuPeriod > 1_000_000)) {
            throw new IllegalArgumentException("CPU period " + cpuPeriod
                    + " out of range: CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s");
        }
        if (cpuQuota > 0 && cpuQuota < 1000) {
            throw new IllegalArgumentException("CPU quota " + cpuQuota
                    + ": CPU cfs quota can not be less than 1ms (i.e. 1000)");
        }
    }

    public boolean any() {
        return !equals(NONE);
    }
}
