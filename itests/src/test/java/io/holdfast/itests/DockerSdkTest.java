package io.holdfast.itests;

import io.holdfast.itests.support.DockerSdk;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Docker SDK for Python (Debian's python3-docker), unchanged, drives a running engine: each scenario is a
 * script in {@code src/test/resources/docker-sdk/} that uses the SDK as an application would and checks every answer
 * (see {@link DockerSdk}); a failed check fails the test with the script's message. One engine for the class; each
 * scenario names its containers after itself.
 */
@ExtendWith(EngineExtension.class)
class DockerSdkTest {
    private static DockerSdk sdk;

    @BeforeAll
    static void useEngine(Engine engine) {
        sdk = DockerSdk.of(engine);
    }

    @Test
    void pingVersionInfoAndImagesDescribeTheEngine() throws Exception {
        sdk.ok("system.py");
    }

    @Test
    void containerLifecycleThroughTheHighLevelObjects() throws Exception {
        sdk.ok("lifecycle.py", "sdk-lifecycle");
    }

    @Test
    void runDetachedStartsAContainerAndForcedRemoveEndsIt() throws Exception {
        sdk.ok("run_detached.py", "sdk-run-detached");
    }

    @Test
    void engineErrorsBecomeTheSdksTypedErrors() throws Exception {
        sdk.ok("errors.py", "sdk-errors");
    }

    @Test
    void eventsReportTheLifecycleWithFilters() throws Exception {
        sdk.ok("events.py", "sdk-events");
    }

    @Test
    void lowLevelClientCreatesWithAHostConfigListsAndWaits() throws Exception {
        sdk.ok("low_level.py", "sdk-low-level");
    }

    @Test
    void importedImageIsListedAndRemoved() throws Exception {
        sdk.ok("import_image.py", "sdk-imported");
    }

    @Test
    void runInTheForegroundReturnsTheOutputAndRaisesOnFailure() throws Exception {
        sdk.ok("run_foreground.py", "sdk-run-foreground");
    }

    @Test
    void logsKeepTheStreamsApartAndFollowToTheEnd() throws Exception {
        sdk.ok("logs.py", "sdk-logs");
    }

    @Test
    void imagesGetTagHistoryAndRemove() throws Exception {
        sdk.ok("images.py", "sdk-tagged");
    }

    @Test
    void listFiltersAreAppliedByTheEngine() throws Exception {
        sdk.ok("list_filters.py", "sdk-filters");
    }

    @Test
    void waitForRemovalOfAnAutoRemoveContainer() throws Exception {
        sdk.ok("wait_removed.py", "sdk-wait-removed");
    }

    @Test
    void execRunsWithItsOwnUserDirectoryAndEnvironmentAndReportsItsCode() throws Exception {
        sdk.ok("exec.py", "sdk-exec");
    }

    @Test
    void hardenedRunIsHardenedInsideTheContainer() throws Exception {
        sdk.ok("hardening.py", "sdk-hardening");
    }

    @Test
    void topStatsPauseRenameRestartArchivesExportAndPrune() throws Exception {
        sdk.ok("verbs.py", "sdk-verbs");
    }
}
