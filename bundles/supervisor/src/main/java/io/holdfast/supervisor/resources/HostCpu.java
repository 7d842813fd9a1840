package io.holdfast.supervisor.resources;

/**
 * The host's CPU figures Docker puts beside a container's, from {@code /proc/stat}: {@code system_cpu_usage} (the
 * first seven fields of the {@code cpu} line, in USER_HZ, as nanoseconds) and {@code online_cpus} (the {@code cpuN}
 * lines).
 */
record HostCpu(long systemNanos, int onlineCpus) {
    private static final long NANOS_PER_TICK = 10_000_000L;

    static HostCpu parse(String procStat) {
        long ticks = 0;
        int cpus = 0;
        for (String line : procStat.split("\n")) {
            if (line.startsWith("cpu ")) {
                String[] fields = line.strip().split("\\s+");
                for (int i = 1; i <= 7 && i < fields.length; i++) {
                    ticks += Long.parseLong(fields[i]);
                }
            } else if (line.startsWith("cpu")) {
                cpus++;
            }
        }
        return new HostCpu(ticks * NANOS_PER_TICK, cpus);
    }
}
