package io.holdfast.itests.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Containers that end when the test tells them to, never because a timer inside them ran out: a test that needs a
 * container to exit "while the engine is down" kills the engine first and then gives the cue, so how fast the CLI,
 * the JVM or the machine is can never decide the outcome.
 */
public final class Cue {
    private static final Duration EXIT_RECORDED = Duration.ofSeconds(120);

    private Cue() {
    }

    /** A shell script (for {@code sh -c}) that idles until SIGUSR1, then exits with {@code code}. */
    public static String exitOnCue(int code) {
        return untilCue() + "exit " + code;
    }

    /**
     * Shell text that returns once SIGUSR1 arrived. A trap, because the container's shell is pid 1 of its namespace
     * and the kernel drops signals it has no handler for.
     */
    public static String untilCue() {
        return "cued=; trap 'cued=1' USR1; while [ -z \"$cued\" ]; do usleep 20000; done; ";
    }

    /**
     * Gives the cue and waits until the container has ended and its monitor has recorded the exit and gone, which is
     * what an engine starting afterwards finds: an exit file and no monitor. The cue is repeated until the container
     * ends, because a shell that has not reached its {@code trap} yet ignores it.
     */
    public static void giveAndAwaitExit(Engine engine, String id, long pid) throws Exception {
        Path exitFile = engine.execRoot().resolve("exits").resolve(id);
        long monitorPid = Long.parseLong(Files.readString(engine.execRoot().resolve("monitors").resolve(id)
                .resolve("conmon.pid")).strip());
        Await.until("container " + id.substring(0, 12) + " to end on its cue and its monitor to record the exit",
                EXIT_RECORDED, () -> {
                    if (Await.alive(pid)) {
                        new ProcessBuilder("kill", "-USR1", Long.toString(pid)).start().waitFor();
                        return false;
                    }
                    return Files.exists(exitFile) && !Await.alive(monitorPid);
                });
    }
}
