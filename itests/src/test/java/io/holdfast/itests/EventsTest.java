package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /events} reports what happened to containers, in order, and still does after the engine was killed. */
@ExtendWith(EngineExtension.class)
class EventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String seconds(Instant time) {
        return time.getEpochSecond() + "." + String.format("%09d", time.getNano());
    }

    /** The events of one container between two times; {@code until} makes the engine end the stream. */
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

    private static List<String> actions(List<JsonNode> events) {
        return events.stream().map(e -> e.path("Action").asText()).toList();
    }

    @Test
    void exitedContainerShowsCreateStartDieWithItsCodeAndSurvivesAKilledEngine(Engine engine, Cli cli, Api api)
            throws Exception {
        Instant since = Instant.now();
        String id = cli.ok("run", "-d", "--name", "ev-exit", "busybox", "sh", "-c", "exit 3");
        assertEquals("3", cli.ok("wait", id));
        String sleeper = cli.ok("run", "-d", "--name", "ev-sleep", "busybox", "sleep", "1000");
        Instant beforeKill = Instant.now();

        List<JsonNode> events = events(api, since, beforeKill, id);
        assertEquals(List.of("create", "start", "die"), actions(events), events.toString());
        JsonNode die = events.get(2);
        assertEquals("container", die.path("Type").asText());
        assertEquals(id, die.path("Actor").path("ID").asText());
        assertEquals("3", die.path("Actor").path("Attributes").path("exitCode").asText());
        assertEquals("ev-exit", die.path("Actor").path("Attributes").path("name").asText());
        assertEquals("die", die.path("status").asText(), "Docker's legacy fields");
        assertEquals("busybox", die.path("from").asText());
        assertEquals("local", die.path("scope").asText());
        assertEquals(die.path("time").asLong(), die.path("timeNano").asLong() / 1_000_000_000L);

        String line = cli.ok("events", "--since", seconds(since), "--until", seconds(beforeKill),
                "--filter", "container=ev-exit", "--filter", "event=die");
        assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z container die " + id
                + " \\(exitCode=3, image=busybox, name=ev-exit\\)"), line);

        engine.kill9();
        engine.start();

        assertEquals(List.of("create", "start", "die"), actions(events(api, since, Instant.now(), id)),
                "events from before the SIGKILL are still there");
        Await.until("the adopted container's restore event", Duration.ofSeconds(60), () ->
                actions(events(api, beforeKill, Instant.now(), sleeper)).contains("restore"));
        JsonNode restore = events(api, beforeKill, Instant.now(), sleeper).stream()
                .filter(e -> e.path("Action").asText().equals("restore")).findFirst().orElseThrow();
        assertEquals("adopted", restore.path("Actor").path("Attributes").path("restore").asText());

        cli.ok("rm", "-f", sleeper);
        cli.ok("rm", id);
        List<String> sleeperActions = actions(events(api, since, Instant.now(), sleeper));
        // rm -f stops with no grace: TERM (ignored by sleep as pid 1), then KILL
        int n = sleeperActions.size();
        assertEquals(List.of("create", "start", "restore"), sleeperActions.subList(0, 3), sleeperActions.toString());
        assertTrue(sleeperActions.subList(3, n - 3).stream().allMatch("kill"::equals), sleeperActions.toString());
        assertEquals(List.of("die", "stop", "destroy"), sleeperActions.subList(n - 3, n), sleeperActions.toString());
    }
}
