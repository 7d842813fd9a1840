package io.holdfast.itests.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The crash-point harness (issue 14): the engine is {@code kill -9}ed at seeded random moments while a
 * {@link CrashDriver} creates, starts, stops, removes, runs {@code --rm} and policy-restarted containers, imports
 * images and reloads; after each restart {@link CrashInvariants} must all hold. CI runs a few points
 * ({@code holdfast.crash.points}, default 12); {@code scripts/crash-points.sh} runs 500 and prints the figures.
 * {@code holdfast.crash.seed} repeats a run's choices (the kill moments and the operations; not how far each
 * operation got, which real processes decide).
 */
@ExtendWith(EngineExtension.class)
class CrashPointsTest {
    private static final int POINTS = Integer.getInteger("holdfast.crash.points", 12);
    private static final long SEED = Long.getLong("holdfast.crash.seed", 14L);
    /** Kill moments are drawn from [0, this) milliseconds after the driver starts. */
    private static final int WINDOW_MS = Integer.getInteger("holdfast.crash.windowMs", 4000);

    @Test
    void everyInvariantHoldsAfterEveryKillPoint(Engine engine) throws Exception {
        byte[] tar = Files.readAllBytes(BusyboxImage.tarball(Files.createDirectories(engine.root().resolve("tar"))));
        CrashJournal journal = new CrashJournal();
        Random moments = new Random(SEED);
        List<String> violations = new ArrayList<>();
        int operations = 0;
        long restartNanos = 0;
        System.out.printf("crash points: %d, seed %d, kill window %d ms%n", POINTS, SEED, WINDOW_MS);
        for (int point = 1; point <= POINTS; point++) {
            int killAfterMs = moments.nextInt(WINDOW_MS);
            CrashDriver driver = new CrashDriver(engine.api(), SEED * 1_000_003L + point, journal, tar, "cp" + point);
            Thread driving = new Thread(driver, "crash-driver-" + point);
            driving.start();
            Thread.sleep(killAfterMs); // the kill moment itself: nothing waits for it to pass
            engine.kill9();
            driver.stop();
            driving.join(Duration.ofSeconds(60).toMillis());

            long t0 = System.nanoTime();
            engine.start();
            restartNanos += System.nanoTime() - t0;
            CrashInvariants invariants = new CrashInvariants(engine, journal);
            Await.until("short-lived containers and pending restarts to settle", Duration.ofSeconds(60),
                    invariants::settled);
            List<String> found = invariants.violations();
            operations += driver.operations();
            System.out.printf("point %3d: killed after %4d ms, %3d operations, last: %s -> %s%n", point,
                    killAfterMs, driver.operations(), driver.lastOperation(),
                    found.isEmpty() ? "ok" : found.size() + " violation(s): " + found);
            for (String violation : found) {
                violations.add("point " + point + " (" + driver.lastOperation() + "): " + violation);
            }
        }
        System.out.printf("crash points done: %d points, %d operations, %d containers created, %d removals asked, "
                        + "%d images imported, %d violations, mean restart %d ms%n", POINTS, operations,
                journal.created.size(), journal.removalAsked.size(), journal.imported.size(), violations.size(),
                restartNanos / 1_000_000 / POINTS);
        assertEquals(List.of(), violations);
    }
}
