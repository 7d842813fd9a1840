package io.holdfast.routes.views;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerStats;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Docker's {@code GET /containers/{id}/stats} document (API v1.41, Linux): {@code cpu_stats} and
 * {@code precpu_stats} (the sample before, zeros for none) with {@code system_cpu_usage} and {@code online_cpus},
 * {@code memory_stats}, {@code pids_stats}, {@code networks}; block I/O is not read and is empty.
 */
public final class StatsView {
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private StatsView() {
    }

    /** @param previous the sample before this one, or null */
    public static Map<String, Object> of(ContainerRecord container, ContainerStats now, ContainerStats previous) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("read", now.read().toString());
        view.put("preread", previous == null ? ZERO_TIME : previous.read().toString());
        Map<String, Object> pids = new LinkedHashMap<>();
        pids.put("current", now.pidsCurrent());
        if (now.pidsLimit() > 0) {
            pids.put("limit", now.pidsLimit());
        }
        view.put("pids_stats", pids);
        Map<String, Object> blkio = new LinkedHashMap<>();
        for (String key : new String[] {"io_service_bytes_recursive", "io_serviced_recursive",
                "io_queue_recursive", "io_service_time_recursive", "io_wait_time_recursive", "io_merged_recursive",
                "io_time_recursive", "sectors_recursive"}) {
            blkio.put(key, null);
        }
        view.put("blkio_stats", blkio);
        view.put("num_procs", 0);
        view.put("storage_stats", Map.of());
        view.put("cpu_stats", cpu(now));
        view.put("precpu_stats", previous == null ? noCpu() : cpu(previous));
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("usage", now.memoryUsage());
        if (now.memoryMaxUsage() > 0) {
            memory.put("max_usage", now.memoryMaxUsage());
        }
        memory.put("stats", now.memoryStats());
        memory.put("limit", now.memoryLimit());
        view.put("memory_stats", memory);
        view.put("name", "/" + container.name());
        view.put("id", container.id());
        if (!now.networks().isEmpty()) {
            Map<String, Object> networks = new LinkedHashMap<>();
            now.networks().forEach((name, c) -> {
                Map<String, Object> counters = new LinkedHashMap<>();
                counters.put("rx_bytes", c.rxBytes());
                counters.put("rx_packets", c.rxPackets());
                counters.put("rx_errors", c.rxErrors());
                counters.put("rx_dropped", c.rxDropped());
                counters.put("tx_bytes", c.txBytes());
                counters.put("tx_packets", c.txPackets());
                counters.put("tx_errors", c.txErrors());
                counters.put("tx_dropped", c.txDropped());
                networks.put(name, counters);
            });
            view.put("networks", networks);
        }
        return view;
    }

    private static Map<String, Object> cpu(ContainerStats s) {
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("total_usage", s.cpuTotalNanos());
        usage.put("usage_in_kernelmode", s.cpuKernelNanos());
        usage.put("usage_in_usermode", s.cpuUserNanos());
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("cpu_usage", usage);
        cpu.put("system_cpu_usage", s.systemCpuNanos());
        cpu.put("online_cpus", s.onlineCpus());
        cpu.put("throttling_data", Map.of("periods", 0, "throttled_periods", 0, "throttled_time", 0));
        return cpu;
    }

    private static Map<String, Object> noCpu() {
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("cpu_usage", Map.of("total_usage", 0, "usage_in_kernelmode", 0, "usage_in_usermode", 0));
        cpu.put("throttling_data", Map.of("periods", 0, "throttled_periods", 0, "throttled_time", 0));
        return cpu;
    }
}
