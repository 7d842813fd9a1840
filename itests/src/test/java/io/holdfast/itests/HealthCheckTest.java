package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.DockerCli;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Health checks with real probes: status, streak and log are kept across an engine {@code kill -9} (Docker resets
 * them to {@code starting}) and probing continues on schedule afterwards. The probes' scripts are gated by files the
 * test writes, so each assertion waits on a state, never on a time.
 */
@ExtendWith(EngineExtension.class)
class HealthCheckTest {
    private static final Duration LONG = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MS = 1_000_000L;

    /**
     * Fails (printing "fail N") on probes 1-3, hangs on probe 4 (the one in flight when the engine is killed), and from
     * probe 5 on fails once the test has written /tmp/go.
     */
    private static final String COUNTING_PROBE = "n=$(($(cat /tmp/n 2>/dev/null || echo 0)+1)); echo $n > /tmp/n; "
            + "if [ $n -eq 4 ]; then sleep 3600; fi; "
            + "while [ $n -ge 5 ] && [ ! -f /tmp/go ]; do usleep 20000; done; echo fail $n; exit 1";

    private static JsonNode health(Api api, String ref) throws Exception {
        return api.inspect(ref).path("State").path("Health");
    }

    @Test
    void statusStreakAndLogAreTheSameAfterAKilledEngineAndProbingContinuesOnSchedule(Engine engine, Cli cli,
                                                                                  Api api) throws Exception {
        // healthy after its first probe (start interval), and the next one due only an hour later
        String healthy = cli.ok("run", "-d", "--name", "hc-kept-healthy", "--health-cmd", "echo ok",
                "--health-start-period", "60s", "--health-start-interval", "200ms", "--health-interval", "1h",
                "busybox", "sleep", "1000");
        Api.Response created = api.post("/containers/create?name=hc-kept-sick", Map.of("Image", "busybox",
                "Cmd", List.of("sleep", "1000"), "Healthcheck", Map.of("Test", List.of("CMD-SHELL", COUNTING_PROBE),
                        "Interval", 200 * MS, "Timeout", 3_600_000 * MS, "Retries", 3)));
        assertEquals(201, created.status(), created.body());
        String sick = created.json().path("Id").asText();
        assertEquals(204, api.request("POST", "/containers/" + sick + "/start").status());
        try {
            Await.until("the first container to turn healthy", LONG,
                    () -> health(api, healthy).path("Status").asText().equals("healthy"));
            Await.until("three counted failures and the fourth probe hanging", LONG,
                    () -> health(api, sick).path("FailingStreak").asInt() == 3
                            && cli.ok("exec", sick, "cat", "/tmp/n").equals("4"));
            JsonNode healthyBefore = health(api, healthy);
            JsonNode sickBefore = health(api, sick);
            assertEquals("unhealthy", sickBefore.path("Status").asText(), sickBefore.toString());
            assertEquals(3, sickBefore.path("Log").size());
            assertEquals("fail 3\n", sickBefore.path("Log").get(2).path("Output").asText());
            assertEquals(1, sickBefore.path("Log").get(2).path("ExitCode").asInt());
            assertEquals("ok\n", healthyBefore.path("Log").get(0).path("Output").asText());

            engine.kill9();
            engine.start();

            assertEquals(healthyBefore, health(api, healthy), "kept as it was, not reset to starting");
            assertEquals(sickBefore, health(api, sick), "kept as it was: status, streak and log");
            String status = DockerCli.of(engine).ok("ps", "--no-trunc", "--filter", "health=unhealthy", "--format",
                    "{{.ID}} {{.Status}}");
            assertTrue(status.startsWith(sick + " Up ") && status.endsWith(" (unhealthy)"), status);
            assertEquals(healthy.substring(0, 12), cli.ok("ps", "-q", "--filter", "health=healthy"));
            assertTrue(cli.ok("ps", "--filter", "health=unhealthy").contains("hc-kept-sick"));

            cli.ok("exec", sick, "touch", "/tmp/go");
            Await.until("probing to continue after the restore, the streak growing", LONG,
                    () -> health(api, sick).path("FailingStreak").asInt() >= 5);
            JsonNode after = health(api, sick);
            assertEquals("unhealthy", after.path("Status").asText());
            List<String> outputs = new ArrayList<>();
            after.path("Log").forEach(p -> outputs.add(p.path("Output").asText()));
            assertTrue(outputs.contains("fail 5\n"), outputs.toString());
            assertEquals(healthyBefore, health(api, healthy), "its next probe is an hour away, restore or not");
        } finally {
            cli.run("rm", "-f", healthy, sick);
        }
    }

    @Test
    void dockersCliRunsHealthChecksShowsThemInPsInspectAndEventsAndTurnsAnImagesCheckOff(Engine engine, Api api)
            throws Exception {
        DockerCli docker = DockerCli.of(engine);
        Instant since = Instant.now();
        String up = docker.ok("run", "-d", "--name", "hc-docker", "--health-cmd", "echo up", "--health-interval",
                "300ms", "busybox", "sleep", "1000");
        String slow = docker.ok("run", "-d", "--name", "hc-timeout", "--health-cmd", "sleep 60", "--health-timeout",
                "300ms", "--health-interval", "200ms", "--health-retries", "1", "busybox", "sleep", "1000");
        String image = "hc-image-" + Long.toHexString(System.nanoTime());
        docker.ok("import", "--change", "HEALTHCHECK --interval=300ms CMD true",
                BusyboxImage.tarball(java.nio.file.Files.createDirectories(engine.root().resolve("hc-image"))).toString(),
                image);
        String fromImage = docker.ok("run", "-d", "--name", "hc-from-image", image, "sleep", "1000");
        String none = docker.ok("run", "-d", "--name", "hc-none", "--no-healthcheck", image, "sleep", "1000");
        try {
            Await.until("docker inspect to show healthy", LONG, () -> docker.ok("inspect", "--format",
                    "{{.State.Health.Status}}", "hc-docker").equals("healthy"));

            engine.kill9();
            engine.start();
            assertEquals("healthy", docker.ok("inspect", "--format", "{{.State.Health.Status}}", "hc-docker"),
                    "still healthy right after the restore (Docker would say starting)");

            String listed = docker.ok("ps", "--no-trunc", "--filter", "health=healthy", "--format",
                    "{{.ID}} {{.Status}}");
            assertTrue(listed.lines().anyMatch(l -> l.startsWith(up + " Up ") && l.endsWith(" (healthy)")), listed);
            assertFalse(listed.contains(none), listed);
            assertTrue(docker.ok("ps", "-q", "--no-trunc", "--filter", "health=none").contains(none));

            Await.until("the probe past its timeout to make the container unhealthy", LONG, () -> docker.ok(
                    "inspect", "--format", "{{.State.Health.Status}}", "hc-timeout").equals("unhealthy"));
            JsonNode timedOut = health(api, slow).path("Log").get(0);
            assertEquals(-1, timedOut.path("ExitCode").asInt(), timedOut.toString());
            assertEquals("Health check exceeded timeout (300ms)", timedOut.path("Output").asText());

            Await.until("the image's health check to make its container healthy", LONG, () -> docker.ok(
                    "inspect", "--format", "{{.State.Health.Status}}", fromImage).equals("healthy"));
            assertEquals("null", docker.ok("inspect", "--format", "{{json .State.Health}}", none),
                    "--no-healthcheck turns the image's check off");
            // moby's merge: NONE over the image's check, whose other fields stay (and mean nothing)
            assertEquals("[\"NONE\"]", docker.ok("inspect", "--format", "{{json .Config.Healthcheck.Test}}", none));
            assertEquals("{\"Test\":[\"CMD-SHELL\",\"echo up\"],\"Interval\":300000000}", docker.ok("inspect",
                    "--format", "{{json .Config.Healthcheck}}", "hc-docker"));
            assertEquals("{\"Test\":[\"CMD-SHELL\",\"true\"],\"Interval\":300000000}", docker.ok("image",
                    "inspect", "--format", "{{json .Config.Healthcheck}}", image));

            List<String> actions = new ArrayList<>();
            for (JsonNode event : events(api, since, Instant.now(), up)) {
                actions.add(event.path("Action").asText());
            }
            assertTrue(actions.contains("health_status: healthy"), actions.toString());
            assertTrue(actions.contains("exec_create: /bin/sh -c echo up"), actions.toString());
            assertTrue(actions.contains("exec_start: /bin/sh -c echo up"), actions.toString());
            assertTrue(actions.contains("exec_die"), actions.toString());
        } finally {
            docker.run("rm", "-f", up, slow, fromImage, none);
            docker.run("rmi", image);
        }
    }

    private static List<JsonNode> events(Api api, Instant since, Instant until, String container) throws Exception {
        String filters = URLEncoder.encode("{\"container\":[\"" + container + "\"]}", StandardCharsets.UTF_8);
        Api.Response response = api.request("GET", "/v1.41/events?since=" + seconds(since) + "&until="
                + seconds(until) + "&filters=" + filters);
        assertEquals(200, response.status(), response.body());
        List<JsonNode> events = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (!line.isBlank()) {
                events.add(JSON.readTree(line));
            }
        }
        return events;
    }

    private static String seconds(Instant time) {
        return time.getEpochSecond() + "." + String.format("%09d", time.getNano());
    }
}
