package io.holdfast.restore;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.RunState;
import io.holdfast.spi.monitor.ExitStatus;
import io.holdfast.spi.monitor.MonitorStatus;
import io.holdfast.spi.monitor.OciRuntime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Building a restore plan for 10,000 records: most running, some exited while down, some created, some lost. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RestorePlanBenchmark {
    private static final int RECORDS = 10_000;
    private List<ContainerRecord> records;
    private List<MonitorStatus> held;

    @Setup
    public void setUp() {
        OciRuntime runc = new OciRuntime("runc", "/usr/sbin/runc");
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        records = new ArrayList<>();
        held = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            String id = String.format("%064x", i);
            boolean created = i % 10 == 0;
            RunState state = created ? RunState.created() : RunState.created().started(1000 + i, 2000 + i, t);
            records.add(new ContainerRecord(1, id, "c" + i, t, new ContainerSpec(null, "busybox", List.of(), List.of(),
                    null, false, "none", "runc", 10), "sha256:x", state, 0, "vfs", "/r", "/b", "/l", null, null));
            if (!created && i % 10 != 1) { // every tenth-plus-one is lost: no monitor
                held.add(new MonitorStatus(id, 2000 + i, 1000 + i, t, runc,
                        i % 10 == 2 ? new ExitStatus(3, t.plusSeconds(5)) : null));
            }
        }
    }

    @Benchmark
    public List<RestoreStep> plan() {
        return RestorePlanner.plan(records, held);
    }
}
