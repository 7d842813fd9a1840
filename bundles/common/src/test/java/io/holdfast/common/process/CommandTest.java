package io.holdfast.common.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandTest {

    /** Its own directory: other processes' commands come and go in the shared /tmp. */
    @TempDir
    Path tmp;

    private long leftoverFiles() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.count();
        }
    }

    @Test
    void capturesOutputAndErrorAndTheExitCode() throws Exception {
        long before = leftoverFiles();
        Command.Result result = Command.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), null,
                Duration.ofSeconds(10), tmp);
        assertEquals(3, result.exitCode());
        assertFalse(result.ok());
        assertEquals("out\nerr\n", result.output());
        assertEquals("out\n", result.stdout(), "what a parser reads: no warning from stderr in it");
        assertEquals("sh exited with 3: err", result.describe());
        assertEquals(before, leftoverFiles(), "the output file has no name once the program runs");
    }

    @Test
    void feedsItsInputToTheProgramAndLeavesNoFile() throws Exception {
        long before = leftoverFiles();
        Command.Result result = Command.run(List.of("sh", "-c", "while read -r line; do echo \"got $line\"; done"),
                "link set lo up\nlink set eth0 up\n", Duration.ofSeconds(10), tmp);
        assertTrue(result.ok(), result.output());
        assertEquals("got link set lo up\ngot link set eth0 up\n", result.stdout());
        assertEquals(before, leftoverFiles(), "the input file has no name once the program runs");
    }

    @Test
    void daemonizingChildDoesNotHoldTheCallerHostage() throws Exception {
        // like conmon: the child leaves a grandchild behind that keeps its stdout open
        Command.Result result = Command.run(List.of("sh", "-c", "sleep 30 & echo $!"), Duration.ofSeconds(3));
        long grandchild = Long.parseLong(result.output().strip());
        try {
            assertTrue(result.ok());
            assertTrue(ProcessHandle.of(grandchild).isPresent(), "returned while the grandchild still runs");
        } finally {
            ProcessHandle.of(grandchild).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void programThatOutlivesItsTimeoutIsKilled() {
        IOException e = assertThrows(IOException.class,
                () -> Command.run(List.of("sleep", "30"), Duration.ofMillis(200)));
        assertTrue(e.getMessage().contains("did not finish within"), e.getMessage());
    }
}
