package io.holdfast.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DaemonFlagsTest {
    @Test
    void readsEveryFlagAndRepeatedHosts() {
        DaemonFlags.Reading reading = DaemonFlags.read("--config", "/etc/holdfast/daemon.json", "--data-root=/d",
                "--exec-root", "/e", "-H", "unix:///a.sock", "--host", "unix:///b.sock", "--console");

        DaemonFlags flags = assertInstanceOf(DaemonFlags.Run.class, reading).flags();
        assertEquals(new DaemonFlags(Path.of("/etc/holdfast/daemon.json"), Path.of("/d"), Path.of("/e"),
                List.of("unix:///a.sock", "unix:///b.sock"), true), flags);
    }

    @Test
    void flagsNotGivenAreNullOrEmpty() {
        DaemonFlags flags = assertInstanceOf(DaemonFlags.Run.class, DaemonFlags.read()).flags();

        assertEquals(new DaemonFlags(null, null, null, List.of(), false), flags);
    }

    @Test
    void anUnknownFlagIsNamedAndExitsWith2() {
        String err = captured(System.err, System::setErr, () -> DaemonFlags.read("--data-rot", "/d"), 2);

        assertTrue(err.startsWith("holdfastd: Unknown options: '--data-rot', '/d' (see holdfastd --help)"), err);
    }

    @Test
    void aFlagWithoutItsValueIsNamed() {
        String err = captured(System.err, System::setErr, () -> DaemonFlags.read("--config"), 2);

        assertTrue(err.contains("holdfastd: Missing required parameter for option '--config' (FILE)"), err);
    }

    @Test
    void helpListsEveryFlagAndExits0() {
        String out = captured(System.out, System::setOut, () -> DaemonFlags.read("--help"), 0);

        assertTrue(out.startsWith("Usage: holdfastd [-hV] [--console] [--config=FILE] [--data-root=DIR]"), out);
        for (String flag : List.of("--config=FILE", "--data-root=DIR", "--exec-root=DIR", "-H, --host=unix://PATH",
                "--console", "-h, --help", "-V, --version")) {
            assertTrue(out.contains(flag), flag + " in\n" + out);
        }
        assertTrue(out.contains("Runs the Holdfast container engine in the foreground. Needs root."), out);
    }

    @Test
    void versionNamesTheDaemon() {
        String out = captured(System.out, System::setOut, () -> DaemonFlags.read("--version"), 0);

        assertTrue(out.startsWith("holdfastd "), out);
    }

    /** What {@code reading} printed to the stream {@code set} replaces, asserting it ended with exit {@code code}. */
    private static String captured(PrintStream original, java.util.function.Consumer<PrintStream> set,
            Supplier<DaemonFlags.Reading> reading, int code) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        set.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertEquals(new DaemonFlags.Exit(code), reading.get());
        } finally {
            set.accept(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
