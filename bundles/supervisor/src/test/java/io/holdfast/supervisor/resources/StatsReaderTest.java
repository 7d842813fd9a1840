package io.holdfast.supervisor.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.holdfast.spi.container.ContainerStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsReaderTest {
    @TempDir
    Path dir;
    private Path proc;
    private Path cgroup;

    @BeforeEach
    void host() throws IOException {
        proc = dir.resolve("proc");
        cgroup = dir.resolve("cgroup");
        write(proc.resolve("stat"), """
                cpu  100 0 50 1000 10 0 5 7 0 0
                cpu0 50 0 25 500 5 0 2 3 0 0
                cpu1 50 0 25 500 5 0 3 4 0 0
                intr 1
                """);
        write(proc.resolve("meminfo"), "MemTotal:        2048 kB\nMemFree:  1 kB\n");
        write(proc.resolve("42/net/dev"), """
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                    lo:     100       1    0    0    0     0          0         0      100       1    0    0    0     0       0          0
                  eth0:    1500      10    1    2    0     0          0         0      700       7    3    4    0     0       0          0
                """);
    }

    @Test
    void cgroupV1ControllersGiveCpuMemoryAndPids() throws IOException {
        write(proc.resolve("42/cgroup"), "8:pids:/hf\n4:memory:/hf\n2:cpuacct:/hf\n0::/\n");
        write(cgroup.resolve("cpuacct/hf/cpuacct.usage"), "123456789\n");
        write(cgroup.resolve("cpuacct/hf/cpuacct.stat"), "user 3\nsystem 2\n");
        write(cgroup.resolve("memory/hf/memory.usage_in_bytes"), "1000\n");
        write(cgroup.resolve("memory/hf/memory.max_usage_in_bytes"), "1500\n");
        write(cgroup.resolve("memory/hf/memory.limit_in_bytes"), "9223372036854771712\n");
        write(cgroup.resolve("memory/hf/memory.stat"), "cache 10\nrss 20\ntotal_inactive_file 5\n");
        write(cgroup.resolve("pids/hf/pids.current"), "3\n");
        write(cgroup.resolve("pids/hf/pids.max"), "max\n");

        ContainerStats s = new StatsReader(cgroup, proc).read(42);
        assertEquals(123456789, s.cpuTotalNanos());
        assertEquals(30_000_000, s.cpuUserNanos());
        assertEquals(20_000_000, s.cpuKernelNanos());
        assertEquals(1165 * 10_000_000L, s.systemCpuNanos(), "user+nice+system+idle+iowait+irq+softirq");
        assertEquals(2, s.onlineCpus());
        assertEquals(1000, s.memoryUsage());
        assertEquals(1500, s.memoryMaxUsage());
        assertEquals(2048 * 1024, s.memoryLimit(), "no limit: the host's memory, as Docker reports it");
        assertEquals(5L, s.memoryStats().get("total_inactive_file"));
        assertEquals(3, s.pidsCurrent());
        assertEquals(0, s.pidsLimit());
        assertEquals(1, s.networks().size(), "loopback left out");
        assertEquals(new ContainerStats.InterfaceCounters(1500, 10, 1, 2, 700, 7, 3, 4), s.networks().get("eth0"));
    }

    @Test
    void cgroupV2GivesTheSameFromItsOwnFiles() throws IOException {
        write(cgroup.resolve("cgroup.controllers"), "cpu memory pids\n");
        write(proc.resolve("42/cgroup"), "0::/hf\n");
        write(cgroup.resolve("hf/cpu.stat"), "usage_usec 2000\nuser_usec 1500\nsystem_usec 500\n");
        write(cgroup.resolve("hf/memory.current"), "4096\n");
        write(cgroup.resolve("hf/memory.max"), "1024\n");
        write(cgroup.resolve("hf/memory.stat"), "anon 100\nfile 200\ninactive_file 50\n");
        write(cgroup.resolve("hf/pids.current"), "2\n");
        write(cgroup.resolve("hf/pids.max"), "100\n");

        ContainerStats s = new StatsReader(cgroup, proc).read(42);
        assertEquals(2_000_000, s.cpuTotalNanos());
        assertEquals(1_500_000, s.cpuUserNanos());
        assertEquals(500_000, s.cpuKernelNanos());
        assertEquals(4096, s.memoryUsage());
        assertEquals(0, s.memoryMaxUsage(), "no memory.peak on this kernel");
        assertEquals(1024, s.memoryLimit());
        assertEquals(50L, s.memoryStats().get("inactive_file"));
        assertEquals(2, s.pidsCurrent());
        assertEquals(100, s.pidsLimit());
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
