package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.ApiPoller;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.BundleJars;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.DeployedSwap;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.EngineSetup;
import io.holdfast.itests.support.RestoreReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reloading the engine in place: daemon.json (SIGHUP, {@code holdfast system reload}) and bundle swaps through
 * {@code deploy/}, while containers keep running and the API keeps answering.
 */
@ExtendWith(EngineExtension.class)
class ReloadTest {
    @Test
    void sighupAppliesReloadableKeysTogetherAndReportsTheOthersAsPending(@EngineSetup(busybox = false)
                                                                        Engine engine) throws Exception {
        engine.configure(Map.of("shutdown-timeout", 7, "debug", true, "mtu", 1400));
        Instant before = Instant.now();
        new ProcessBuilder("kill", "-HUP", Long.toString(engine.pid())).start().waitFor();
        Await.until("the reload", Duration.ofSeconds(60), () -> engine.log().contains("SIGHUP: Reload"));
        String log = engine.log();
        assertTrue(log.contains("config applied debug: false -> true"), log);
        assertTrue(log.contains("config applied shutdown-timeout: 15 -> 7"), log);
        assertTrue(log.contains("config pending until restart mtu: 1500 -> 1400"), log);
        assertTrue(engine.api().request("GET", "/info").json().path("Debug").asBoolean(), log);

        // applied once: a second reload finds only the pending change
        String again = engine.cli().ok("system", "reload", "--dry-run");
        assertFalse(again.contains("would apply"), again);
        assertTrue(again.contains("pending until restart mtu: 1500 -> 1400"), again);
        String events = engine.cli().ok("events", "--since", Long.toString(before.getEpochSecond()), "--until",
                Long.toString(Instant.now().getEpochSecond() + 1), "--filter", "type=daemon");
        assertTrue(events.contains("daemon reload") && events.contains("shutdown-timeout: 15 -> 7"), events);
    }

    @Test
    void sighupReloadsAnEngineStartedWithHangupsIgnoredAsUnderNohup(@EngineSetup(start = false, busybox = false)
                                                                  Engine engine) throws Exception {
        // nohup, or a shell that ran it in the background, leaves SIGHUP ignored; the JVM then never takes it over
        engine.runUnder("env", "--ignore-signal=HUP");
        engine.start();
        engine.configure(Map.of("debug", true));
        new ProcessBuilder("kill", "-HUP", Long.toString(engine.pid())).start().waitFor();
        Await.until("the reload", Duration.ofSeconds(60), () -> engine.log().contains("SIGHUP: Reload"));
        assertTrue(engine.log().contains("config applied debug: false -> true"), engine.log());
    }

    @Test
    void aBadDaemonJsonAtReloadChangesNothingAndSaysWhereItIsWrong(@EngineSetup(busybox = false) Engine engine)
            throws Exception {
        engine.configure(Map.of("shutdown-timeout", 7, "live-restore", "yes"));
        Cli.Result refused = engine.cli().run("system", "reload");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.out().contains(engine.configFile() + ":1:") && refused.out().contains("live-restore")
                && refused.out().contains("the running configuration stays in force"), refused.out());

        engine.configure(Map.of("live-restore", true, "storage-opts", List.of("vfs.size=1G")));
        refused = engine.cli().run("system", "reload");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.out().contains("\"vfs.size\": the vfs storage driver has no options"), refused.out());

        // nothing was applied: the valid shutdown-timeout of the rejected files is still only a plan
        engine.configure(Map.of("storage-opts", List.of()));
        String plan = engine.cli().ok("system", "reload", "--dry-run");
        assertTrue(plan.contains("would apply shutdown-timeout: 15 -> 7"), plan);
    }

    @Test
    void restoreSwappedFiftyTimesWhileTheApiAndTheLogsNeverPause(
            @EngineSetup(ownDistribution = true) Engine engine, Api api) throws Exception {
        Path dist = engine.distribution();
        List<String> ids = sleepers(api, 20);
        String ticker = api.runDetached(List.of("sh", "-c", "i=0; while true; do echo $i; i=$((i+1)); "
                + "usleep 20000; done"));
        ids.add(ticker);
        Map<String, Long> pids = pids(api, ids);
        List<Long> monitors = engine.monitorPids();

        ApiPoller poller = new ApiPoller(api, ids.size());
        Path original = BundleJars.original(dist, "restore-");
        String previousRestore = RestoreReportJson.report(api).startedAt();
        try {
            for (int swap = 1; swap <= 50; swap++) {
                Path next = BundleJars.withVersion(original, engine.root().resolve("restore-next.jar"),
                        "0.2." + swap);
                BundleJars.deploy(next, dist, "restore.jar");
                Api.Response reload = api.request("POST", "/system/reload");
                assertEquals(200, reload.status(), reload.body());
                String restoredAt = previousRestore;
                Await.until("the new revision's restore", Duration.ofSeconds(60), () -> !restoredAt.equals(
                        RestoreReportJson.report(api).startedAt()));
                RestoreReportJson report = RestoreReportJson.report(api);
                previousRestore = report.startedAt();
                for (JsonNode entry : report.containers()) {
                    assertEquals("adopted", entry.path("Outcome").asText(), entry.toString());
                }
            }
        } finally {
            poller.close();
        }
        assertEquals(null, poller.firstFailure(), "every API request during the swaps was answered");
        assertTrue(poller.answers().count() > 50, "the poller ran throughout: " + poller.answers().count());
        for (String id : ids) {
            JsonNode state = api.inspect(id).path("State");
            assertTrue(state.path("Running").asBoolean());
            assertEquals(pids.get(id), state.path("Pid").asLong(), "same process");
        }
        assertEquals(monitors, engine.monitorPids(), "the same monitors");
        assertEquals(51, engine.log().split("restore completed", -1).length - 1,
                "one restore at start, then one per swap: a swapped bundle is started once");
        List<String> lines = api.logLines(ticker, "");
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(Integer.toString(i), lines.get(i), "log line " + i + " of " + lines.size());
        }
        // taking the jar away puts back the revision the engine was installed with
        Files.delete(dist.resolve("deploy/restore.jar"));
        String back = engine.cli().ok("system", "reload");
        assertTrue(back.contains("no jar in deploy/ overrides it any more: back to restore-") || back.contains(
                "nothing changed"), back); // the deploy/ watcher may have been first
        assertTrue(engine.cli().ok("system", "reload", "--dry-run").contains("nothing changed"));
        assertTrue(engine.log().contains("back to restore-"), "reverted once, by whichever trigger came first");
        engine.cli().ok(concat("rm", "-f", ids));
    }

    @Test
    void theSupervisorSwappedUnderAPolledApiHoldsRequestsInsteadOfFailingThem(
            @EngineSetup(ownDistribution = true) Engine engine, Api api) throws Exception {
        Path dist = engine.distribution();
        List<String> ids = sleepers(api, 5);
        Map<String, Long> pids = pids(api, ids);
        ApiPoller poller = new ApiPoller(api, ids.size());
        // creates are slower than lists: some are under way when the supervisor stops, and must still succeed
        List<String> created = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> createFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean creating = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread creator = new Thread(() -> {
            while (creating.get()) {
                try {
                    Api.Response r = api.post("/containers/create", Map.of("Image", "busybox", "Cmd",
                            List.of("true"), "HostConfig", Map.of("NetworkMode", "none")));
                    if (r.status() == 201) {
                        created.add(r.json().path("Id").asText());
                    } else {
                        createFailures.add(r.status() + " " + r.body());
                    }
                } catch (Exception e) {
                    createFailures.add(e.toString());
                }
            }
        }, "creator");
        creator.start();
        Path original = BundleJars.original(dist, "supervisor-");
        try {
            for (int swap = 1; swap <= 5; swap++) {
                // one create at least completes between swaps, however slow the machine: creates run throughout
                int before = created.size();
                Await.until("a create between swaps", Duration.ofSeconds(60),
                        () -> created.size() > before || !createFailures.isEmpty());
                DeployedSwap.of(engine, "io.holdfast.supervisor").swapIn(BundleJars.withVersion(original,
                        engine.root().resolve("supervisor-next.jar"), "0.2." + swap), dist, "supervisor.jar", api);
            }
        } finally {
            poller.close();
            creating.set(false);
            creator.join();
        }
        assertEquals(null, poller.firstFailure(), "every API request during the swaps was answered");
        assertEquals(List.of(), createFailures, "every create during the swaps succeeded");
        assertTrue(created.size() >= 5, "creates ran throughout: " + created.size());
        for (String id : created) {
            assertEquals(200, api.request("GET", "/containers/" + id + "/json").status(), "create " + id
                    + " was recorded");
        }
        engine.cli().ok(concat("rm", "-f", created));
        assertEquals(pids, pids(api, ids), "the same processes");
        assertTrue(api.request("GET", "/version").body().contains("0.2.5"), "the new revision answers");
        engine.cli().ok(concat("rm", "-f", ids));
    }

    /** A reload's summary line that updates or refreshes the supervisor. */
    private static final String SUPERVISOR_SWAPPED = "(update|refresh) io\\.holdfast\\.supervisor ";

    @Test
    void theApiRoutesSwappedUnderAPolledApiHoldRequestsAndTouchNothingElse(
            @EngineSetup(ownDistribution = true) Engine engine, Api api) throws Exception {
        Path dist = engine.distribution();
        List<String> ids = sleepers(api, 3);
        Map<String, Long> pids = pids(api, ids);
        ApiPoller poller = new ApiPoller(api, ids.size());
        Path original = BundleJars.original(dist, "api-routes-");
        try {
            for (int swap = 1; swap <= 3; swap++) {
                int supervisorSwaps = engine.log().split(SUPERVISOR_SWAPPED, -1).length;
                DeployedSwap.of(engine, "io.holdfast.api-routes").swapIn(BundleJars.withVersion(original,
                        engine.root().resolve("api-routes-next.jar"), "0.2." + swap), dist, "api-routes.jar", api);
                // the routes import only the SPI: no other engine bundle is refreshed with them
                assertEquals(supervisorSwaps, engine.log().split(SUPERVISOR_SWAPPED, -1).length,
                        "the reload neither updates nor refreshes the supervisor");
            }
        } finally {
            poller.close();
        }
        assertEquals(null, poller.firstFailure(), "every API request during the swaps was answered");
        assertEquals(pids, pids(api, ids), "the same processes");
        engine.cli().ok(concat("rm", "-f", ids));
    }

    @Test
    void aRestoreBundleThatCannotResolveIsPutBackAndTheOldRevisionKeepsServing(
            @EngineSetup(ownDistribution = true) Engine engine, Api api) throws Exception {
        Path dist = engine.distribution();
        String id = api.runDetached(List.of("sleep", "1000"));
        long pid = api.pid(id);
        Path original = BundleJars.original(dist, "restore-");

        // a major version that needs an SPI this engine does not have
        Path major = BundleJars.rewrite(original, engine.root().resolve("restore-2.jar"), main -> {
            main.putValue("Bundle-Version", "2.0.0");
            main.putValue("Import-Package", main.getValue("Import-Package")
                    .replaceFirst("io\\.holdfast\\.spi\\.restore;version=\"[^\"]*\"",
                            "io.holdfast.spi.restore;version=\"[99.0,100)\""));
        });
        BundleJars.deploy(major, dist, "restore.jar");
        Api.Response reload = api.request("POST", "/system/reload");
        assertEquals(400, reload.status(), reload.body());
        JsonNode report = reload.json();
        assertTrue(report.path("Error").asText().contains("io.holdfast.spi.restore")
                && report.path("Error").asText().contains("the previous revisions were put back"), reload.body());
        assertEquals(200, api.request("GET", "/restore/plan").status(), "the old revision serves");
        assertEquals(pid, api.pid(id));

        // the dry run explains an update and what it refreshes, without applying it
        Path originalAnnotations = BundleJars.original(dist, "jackson-annotations-");
        String annotationsVersion = BundleJars.version(originalAnnotations);
        String databindVersion = BundleJars.version(BundleJars.original(dist, "jackson-databind-"));
        Path annotations = BundleJars.withVersion(originalAnnotations, engine.root().resolve("annotations.jar"),
                annotationsVersion + ".99");
        Files.delete(dist.resolve("deploy/restore.jar"));
        BundleJars.deploy(annotations, dist, "jackson-annotations.jar");
        Cli.Result dryRun = engine.cli().run("system", "reload", "--dry-run");
        String plan = dryRun.out();
        assertTrue(plan.contains("update com.fasterxml.jackson.core.jackson-annotations " + annotationsVersion + " -> "
                + annotationsVersion + ".99"), plan);
        assertTrue(plan.contains("refresh com.fasterxml.jackson.core.jackson-databind " + databindVersion
                + ": wired to com.fasterxml.jackson.core.jackson-annotations"), plan);
        // the shim (and the API sockets) use Jackson: restarting them as a side effect is refused, applied or not
        assertEquals(1, dryRun.exitCode(), plan);
        assertTrue(plan.contains("would restart ") && plan.contains("io.holdfast.shim (wired to")
                && plan.contains("restart the engine to apply it"), plan);
        Cli.Result refused = engine.cli().run("system", "reload");
        assertEquals(1, refused.exitCode(), refused.out());
        assertEquals(pid, api.pid(id));
        Files.delete(dist.resolve("deploy/jackson-annotations.jar"));

        // the config bundle is resident: without it no component would have a configuration for a moment
        BundleJars.deploy(BundleJars.withVersion(BundleJars.original(dist, "config-"),
                engine.root().resolve("config-next.jar"), "0.9.0"), dist, "config.jar");
        String refusedConfig = engine.cli().ok("system", "reload");
        assertTrue(refusedConfig.contains("refused deploy/config.jar: io.holdfast.config is never swapped by a "
                + "reload"), refusedConfig);
        Files.delete(dist.resolve("deploy/config.jar"));
        engine.cli().ok("rm", "-f", id);
    }

    /** {@code count} running containers that sleep. */
    private static List<String> sleepers(Api api, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(api.runDetached(List.of("sleep", "1000")));
        }
        return ids;
    }

    private static Map<String, Long> pids(Api api, List<String> ids) throws Exception {
        Map<String, Long> pids = new HashMap<>();
        for (String id : ids) {
            pids.put(id, api.pid(id));
        }
        return pids;
    }

    private static String[] concat(String first, String second, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first, second));
        all.addAll(rest);
        return all.toArray(String[]::new);
    }
}
