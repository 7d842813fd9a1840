package io.holdfast.itests.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Containers that end when the test tells them to, never because a timer inside them ran out: a test that needs a
 * container to exit "while the engine is down" kills the engine first and then gives the cue, so how fast the CLI,
 * the JVM or the machine is can never decide the outcome.
 */
public final class Cue {
    private static final Duration EXIT_RECORDED = Duration.ofSeconds(120);
    private static final String TRAP_SET = "trap-set";

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
     * Shell text that handles {@code signal} with {@code action} and then prints a line, so {@link #awaitTrap} can
     * tell when the signal would be handled: before the trap, a container's shell (pid 1 of its namespace) drops it.
     */
    public static String trap(String signal, String action) {
        return "trap '" + action + "' " + signal + "; echo " + TRAP_SET + "; ";
    }

    /** Waits until the container has set the trap of {@link #trap}. */
    public static void awaitTrap(Api api, String id) throws Exception {
        Await.until("container " + id.substring(0, 12) + " to set its trap", EXIT_RECORDED,
                () -> api.logLines(id, "").contains(TRAP_SET));
    }

    /** When the engine was killed, and when every cued container had ended after that. */
    public record Downtime(Instant engineKilled, Instant containersEnded) {
    }

    /**
     * SIGKILLs the engine, then gives each container ({@link #exitOnCue}, {@link #untilCue}) its cue and waits until
     * its exit is recorded: the containers end while the engine is down, however slow anything is. Does not start
     * the engine again.
     */
    public static Downtime endWhileEngineIsDown(Engine engine, String... ids) throws Exception {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String id : ids) {
            pids.put(id, engine.api().pid(id));
        }
        engine.kill9();
        Instant killed = Instant.now();
        for (Map.Entry<String, Long> container : pids.entrySet()) {
            giveAndAwaitExit(engine, container.getKey(), container.getValue());
        }
        return new Downtime(killed, Instant.now());
    }

    /**
     * Gives the cue and waits until the container has ended and its monitor has recorded the exit and gone, which is
     * what an engine starting afterwards finds: an exit file and no monitor. The cue is repeated until the container
     * ends, because a shell that has not reached its {@code trap} yet ignores it.
     */
    private static void giveAndAwaitExit(Engine engine, String id, long pid) throws Exception {
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
