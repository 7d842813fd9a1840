package io.holdfast.supervisor.state;

import io.holdfast.common.io.Directories;
import io.holdfast.spi.container.ContainerRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** One durable state write (serialise, write, fsync, rename, fsync the directory) on this machine's disk. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StateStoreBenchmark {
    private Path root;
    private ContainerStore store;
    private ContainerRecord record;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        root = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "hf-jmh-store");
        store = new ContainerStore(root);
        record = ContainerStoreTest.record("a".repeat(64));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Directories.deleteTree(root);
    }

    @Benchmark
    public void save() {
        store.save(record);
    }
}
