package io.holdfast.supervisor.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.RunState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The Gogo container commands treat each ref on its own and use the CLI's defaults. */
class ContainerCommandsTest {
    private final KnownContainers containers = new KnownContainers(Set.of("a", "c", "d"));
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ContainerCommands commands = new ContainerCommands(containers, null,
            new PrintStream(printed, true, StandardCharsets.UTF_8));

    private List<String> printedLines() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void rmOfKnownContainersReturnsEachRefAndPrintsNothing() {
        assertEquals(List.of("a", "c"), commands.rm(true, "a", "c"));
        assertEquals(List.of("remove a force", "remove c force"), containers.calls);
        assertEquals(List.of(), printedLines());
    }

    @Test
    void rmRemovesTheContainersItCanAndFailsNamingEachOneItCannot() {
        EachRef.RefsFailed failed = assertThrows(EachRef.RefsFailed.class,
                () -> commands.rm(false, "a", "b", "c", "x"));
        assertEquals(List.of("remove a", "remove c"), containers.calls, "b failing did not stop c");
        assertEquals(List.of("No such container: b", "No such container: x"), failed.failures());
        assertEquals("No such container: b\nNo such container: x", failed.getMessage());
        assertEquals(List.of("a", "c"), printedLines(), "what was removed is still reported");
    }

    @Test
    void startStopAndKillTryEveryRefToo() {
        assertThrows(EachRef.RefsFailed.class, () -> commands.start("b", "a"));
        assertThrows(EachRef.RefsFailed.class, () -> commands.stop(3, "a", "b", "d"));
        assertThrows(EachRef.RefsFailed.class, () -> commands.kill("SIGTERM", "b", "c"));
        assertEquals(List.of("start a", "stop a 3s", "stop d 3s", "kill c TERM"), containers.calls);
    }

    @Test
    void restartPauseAndUnpauseTryEveryRefToo() {
        assertThrows(EachRef.RefsFailed.class, () -> commands.restart(2, "b", "a"));
        assertThrows(EachRef.RefsFailed.class, () -> commands.pause("a", "b", "c"));
        commands.unpause("a");
        assertEquals(List.of("restart a 2s", "pause a", "pause c", "unpause a"), containers.calls);
    }

    @Test
    void createWithoutNetworkLeavesTheChoiceToTheEngineAsTheCliDoes() {
        commands.create("", "no", false, "", "busybox", "sleep", "9");
        ContainerSpec spec = containers.created.get(0);
        assertNull(spec.networkMode(), "the engine's default network (bridge when installed), not none");
        assertNull(spec.name());
        assertEquals(List.of("sleep", "9"), spec.cmd());
    }

    @Test
    void runPassesTheNetworkItIsGivenAndStartsTheContainer() {
        commands.run(true, "web", "no", false, "host", "busybox");
        assertEquals("host", containers.created.get(0).networkMode());
        assertEquals("web", containers.created.get(0).name());
        assertEquals(List.of("start web-id"), containers.calls);
    }

    /** Containers by name: the known ones answer, any other ref is the engine's NOT_FOUND. */
    private static final class KnownContainers implements Containers {
        private final Set<String> known;
        final List<String> calls = new ArrayList<>();
        final List<ContainerSpec> created = new ArrayList<>();

        KnownContainers(Set<String> known) {
            this.known = known;
        }

        private void check(String ref) {
            if (!known.contains(ref) && !ref.endsWith("-id")) {
                throw new EngineException(Kind.NOT_FOUND, "No such container: " + ref);
            }
        }

        @Override
        public List<ContainerRecord> list() {
            return List.of();
        }

        @Override
        public ContainerRecord get(String ref) {
            throw new UnsupportedOperationException("no command under test inspects");
        }

        @Override
        public ContainerRecord create(ContainerSpec spec) {
            created.add(spec);
            String id = (spec.name() == null ? "generated" : spec.name()) + "-id";
            return new ContainerRecord(ContainerRecord.SCHEMA_VERSION, id, spec.name(), Instant.now(), spec,
                    "sha256:image", RunState.created(), 0, "vfs", "/rootfs", "/bundle", "/log", null, Map.of());
        }

        @Override
        public ContainerRecord start(String ref) {
            check(ref);
            calls.add("start " + ref);
            return null;
        }

        @Override
        public ContainerRecord stop(String ref, Duration timeout) {
            check(ref);
            calls.add("stop " + ref + " " + timeout.toSeconds() + "s");
            return null;
        }

        @Override
        public void kill(String ref, String signal) {
            check(ref);
            calls.add("kill " + ref + " " + signal);
        }

        @Override
        public ContainerRecord restart(String ref, Duration timeout) {
            check(ref);
            calls.add("restart " + ref + " " + timeout.toSeconds() + "s");
            return null;
        }

        @Override
        public ContainerRecord rename(String ref, String newName) {
            check(ref);
            calls.add("rename " + ref + " " + newName);
            return null;
        }

        @Override
        public ContainerRecord pause(String ref) {
            check(ref);
            calls.add("pause " + ref);
            return null;
        }

        @Override
        public ContainerRecord unpause(String ref) {
            check(ref);
            calls.add("unpause " + ref);
            return null;
        }

        @Override
        public io.holdfast.spi.container.ContainerTop top(String ref, String psArgs) {
            throw new UnsupportedOperationException("no command under test lists processes");
        }

        @Override
        public io.holdfast.spi.container.ContainerStats stats(String ref) {
            throw new UnsupportedOperationException("no command under test reads stats");
        }

        @Override
        public io.holdfast.spi.container.PruneReport prune(java.util.function.Predicate<ContainerRecord> which) {
            throw new UnsupportedOperationException("no command under test prunes");
        }

        @Override
        public io.holdfast.spi.container.PathStat statPath(String ref, String path) {
            throw new UnsupportedOperationException("no command under test reads files");
        }

        @Override
        public void archive(String ref, String path, java.io.OutputStream out) {
            throw new UnsupportedOperationException("no command under test reads files");
        }

        @Override
        public void extractArchive(String ref, String path, java.io.InputStream in, boolean keepTypes,
                               boolean keepOwners) {
            throw new UnsupportedOperationException("no command under test writes files");
        }

        @Override
        public void export(String ref, java.io.OutputStream out) {
            throw new UnsupportedOperationException("no command under test exports");
        }

        @Override
        public void remove(String ref, boolean force) {
            check(ref);
            calls.add("remove " + ref + (force ? " force" : ""));
        }

        @Override
        public io.holdfast.spi.container.ExecRecord createExec(String ref, io.holdfast.spi.container.ExecSpec spec) {
            throw new UnsupportedOperationException("no command under test execs");
        }

        @Override
        public io.holdfast.spi.container.ExecRecord startExec(String execId) {
            throw new UnsupportedOperationException("no command under test execs");
        }

        @Override
        public io.holdfast.spi.container.ExecRecord exec(String execId) {
            throw new UnsupportedOperationException("no command under test execs");
        }

        @Override
        public CompletableFuture<Integer> awaitExec(String execId) {
            throw new UnsupportedOperationException("no command under test execs");
        }

        @Override
        public CompletableFuture<Integer> awaitExit(String ref) {
            throw new UnsupportedOperationException("no command under test waits");
        }

        @Override
        public ContainerRecord update(String ref, io.holdfast.spi.container.ResourceLimits limits,
                                      io.holdfast.spi.container.RestartPolicy restartPolicy) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long sizeRw(String ref) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.io.OutputStream openStdin(String ref) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.List<io.holdfast.spi.container.FileChange> changes(String ref) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resize(String ref, int height, int width) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resizeExec(String execId, int height, int width) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.io.OutputStream openExecStdin(String execId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Integer> awaitNextExit(String ref) {
            throw new UnsupportedOperationException("no command under test waits");
        }
    }
}
