package io.holdfast.supervisor.resources;

import io.holdfast.common.cgroup.ProcessCgroups;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a container's cgroup says it uses, from the v1 controllers ({@code cpuacct}, {@code memory}, {@code pids})
 * where the host has them, else from the v2 hierarchy. Values the cgroup does not keep read as 0.
 *
 * @param cpuTotalNanos  CPU time used
 * @param cpuKernelNanos of that, in the kernel
 * @param cpuUserNanos   of that, in user space
 * @param memoryUsage    bytes charged now
 * @param memoryMaxUsage the most ever charged (v1 {@code max_usage_in_bytes}, v2 {@code memory.peak})
 * @param memoryLimit    the limit, {@link Long#MAX_VALUE} when there is none
 * @param memoryStats    {@code memory.stat}
 * @param pidsCurrent    tasks now
 * @param pidsLimit      their limit, 0 when there is none
 */
record CgroupUsage(long cpuTotalNanos, long cpuKernelNanos, long cpuUserNanos, long memoryUsage,
                   long memoryMaxUsage, long memoryLimit, Map<String, Long> memoryStats, long pidsCurrent,
                   long pidsLimit) {
    /** cpuacct.stat counts in USER_HZ, 100 per second on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    static CgroupUsage read(ProcessCgroups cgroups) throws IOException {
        Optional<Path> cpuacct = cgroups.v1("cpuacct");
        Optional<Path> memory = cgroups.v1("memory");
        Optional<Path> pids = cgroups.v1("pids");
        Path v2 = cgroups.v2().orElse(null);
        if ((cpuacct.isEmpty() || memory.isEmpty()) && v2 == null) {
            throw new IOException("the process has no cpu and memory cgroups to read");
        }
        long cpuTotal;
        long cpuKernel;
        long cpuUser;
        if (cpuacct.isPresent()) {
            Map<String, Long> stat = keyValues(read(cpuacct.get().resolve("cpuacct.stat")));
            cpuTotal = number(read(cpuacct.get().resolve("cpuacct.usage")));
            cpuKernel = stat.getOrDefault("system", 0L) * NANOS_PER_TICK;
            cpuUser = stat.getOrDefault("user", 0L) * NANOS_PER_TICK;
        } else {
            Map<String, Long> stat = keyValues(read(v2.resolve("cpu.stat")));
            cpuTotal = stat.getOrDefault("usage_usec", 0L) * 1000;
            cpuKernel = stat.getOrDefault("system_usec", 0L) * 1000;
            cpuUser = stat.getOrDefault("user_usec", 0L) * 1000;
        }
        long usage;
        long maxUsage;
        long limit;
        Map<String, Long> memoryStats;
        if (memory.isPresent()) {
            usage = number(read(memory.get().resolve("memory.usage_in_bytes")));
            maxUsage = number(read(memory.get().resolve("memory.max_usage_in_bytes")));
            limit = number(read(memory.get().resolve("memory.limit_in_bytes")));
            memoryStats = keyValues(read(memory.get().resolve("memory.stat")));
        } else {
            usage = number(read(v2.resolve("memory.current")));
            maxUsage = number(read(v2.resolve("memory.peak")));
            limit = number(read(v2.resolve("memory.max")));
            memoryStats = keyValues(read(v2.resolve("memory.stat")));
        }
        Path pidsDir = pids.orElse(v2);
        long pidsCurrent = pidsDir == null ? 0 : number(read(pidsDir.resolve("pids.current")));
        long pidsLimit = pidsDir == null ? 0 : number(read(pidsDir.resolve("pids.max")));
        return new CgroupUsage(cpuTotal, cpuKernel, cpuUser, usage, maxUsage, limit, memoryStats, pidsCurrent,
                pidsLimit == Long.MAX_VALUE ? 0 : pidsLimit);
    }

    /** Lines of {@code key value}, as in {@code memory.stat} and {@code cpu.stat}. */
    static Map<String, Long> keyValues(String text) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 2) {
                try {
                    values.put(fields[0], Long.parseLong(fields[1]));
                } catch (NumberFormatException ignored) {
                    // not a counter (v2's memory.stat has none, but other kernels may add some)
                }
            }
        }
        return values;
    }

    /** A number, with v2's {@code max} as {@link Long#MAX_VALUE}; a missing file reads as "" and gives 0. */
    static long number(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return 0;
        }
        if (value.equals("max")) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
