package io.holdfast.cli.commands;

import io.holdfast.cli.output.HumanSize;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of {@code holdfast stats}, computed from a stats document as the docker CLI computes it: CPU % from the
 * change since {@code precpu_stats} relative to the host's, memory without the inactive page cache.
 */
final class StatsRow {
    static final List<String> HEADER = List.of("CONTAINER ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %",
            "NET I/O", "BLOCK I/O", "PIDS");

    private StatsRow() {
    }

    static List<String> of(Map<String, Object> stats) {
        Map<String, Object> memory = map(stats.get("memory_stats"));
        long limit = number(memory.get("limit"));
        long usage = memoryWithoutCache(memory);
        long rx = 0;
        long tx = 0;
        for (Object network : map(stats.get("networks")).values()) {
            rx += number(map(network).get("rx_bytes"));
            tx += number(map(network).get("tx_bytes"));
        }
        String id = String.valueOf(stats.getOrDefault("id", ""));
        String name = String.valueOf(stats.getOrDefault("name", "")).replaceFirst("^/", "");
        return List.of(id.length() > 12 ? id.substring(0, 12) : id, name,
                percent(cpuPercent(stats)),
                HumanSize.binary(usage) + " / " + HumanSize.binary(limit),
                percent(limit == 0 ? 0 : 100.0 * usage / limit),
                HumanSize.decimal(rx) + " / " + HumanSize.decimal(tx), "0B / 0B",
                Long.toString(number(map(stats.get("pids_stats")).get("current"))));
    }

    static double cpuPercent(Map<String, Object> stats) {
        Map<String, Object> cpu = map(stats.get("cpu_stats"));
        Map<String, Object> before = map(stats.get("precpu_stats"));
        double cpuDelta = number(map(cpu.get("cpu_usage")).get("total_usage"))
                - number(map(before.get("cpu_usage")).get("total_usage"));
        double systemDelta = number(cpu.get("system_cpu_usage")) - number(before.get("system_cpu_usage"));
        long cpus = number(cpu.get("online_cpus"));
        return systemDelta > 0 && cpuDelta > 0 ? cpuDelta / systemDelta * cpus * 100.0 : 0;
    }

    /** cgroup v1 names the inactive page cache {@code total_inactive_file}, v2 {@code inactive_file}. */
    static long memoryWithoutCache(Map<String, Object> memory) {
        long usage = number(memory.get("usage"));
        Map<String, Object> stat = map(memory.get("stats"));
        Object v1 = stat.get("total_inactive_file");
        long inactive = v1 != null ? number(v1) : number(stat.get("inactive_file"));
        return inactive < usage ? usage - inactive : usage;
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
