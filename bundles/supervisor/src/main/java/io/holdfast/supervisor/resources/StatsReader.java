package io.holdfast.supervisor.resources;

import io.holdfast.common.cgroup.ProcessCgroups;
import io.holdfast.spi.container.ContainerStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Reads one {@link ContainerStats} sample of a running container from its init process's cgroups and namespace. */
public final class StatsReader {
    private final Path cgroupRoot;
    private final Path proc;

    public StatsReader() {
        this(ProcessCgroups.ROOT, Path.of("/proc"));
    }

    StatsReader(Path cgroupRoot, Path proc) {
        this.cgroupRoot = cgroupRoot;
        this.proc = proc;
    }

    /** Fails with {@link IOException} if the process is gone (the container is exiting). */
    public ContainerStats read(long pid) throws IOException {
        Path process = proc.resolve(Long.toString(pid));
        ProcessCgroups cgroups = ProcessCgroups.parse(cgroupRoot, Files.readString(process.resolve("cgroup")));
        CgroupUsage usage = CgroupUsage.read(cgroups);
        HostCpu host = HostCpu.parse(Files.readString(proc.resolve("stat")));
        long hostMemory = hostMemory();
        long limit = usage.memoryLimit() <= 0 || usage.memoryLimit() > hostMemory ? hostMemory : usage.memoryLimit();
        return new ContainerStats(Instant.now(), usage.cpuTotalNanos(), usage.cpuKernelNanos(), usage.cpuUserNanos(),
                host.systemNanos(), host.onlineCpus(), usage.memoryUsage(), usage.memoryMaxUsage(), limit,
                usage.memoryStats(), usage.pidsCurrent(), usage.pidsLimit(),
                NetDev.parse(Files.readString(process.resolve("net/dev"))));
    }

    /** {@code MemTotal} in bytes: Docker's limit for a container without one. */
    private long hostMemory() throws IOException {
        for (String line : Files.readAllLines(proc.resolve("meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no MemTotal in " + proc.resolve("meminfo"));
    }
}
