package io.holdfast.itests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A restore report or plan as JSON ({@code GET /restore/report}, {@code GET /restore/plan},
 * {@code holdfast system restore-report --json}), read the way tests ask about it: by container id.
 *
 * <pre>{@code RestoreReportJson report = RestoreReportJson.report(engine.api());
 * assertEquals("adopted", report.outcome(id));}</pre>
 */
public final class RestoreReportJson {
    /** What {@link #outcome} and {@link #detail} say for a container the report does not list. */
    public static final String MISSING = "missing";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode json;

    private RestoreReportJson(JsonNode json) {
        this.json = json;
    }

    /** The last restore's report. */
    public static RestoreReportJson report(Api api) throws IOException {
        return new RestoreReportJson(api.request("GET", "/restore/report").json());
    }

    /** What a restore would do now. */
    public static RestoreReportJson plan(Api api) throws IOException {
        return new RestoreReportJson(api.request("GET", "/restore/plan").json());
    }

    /** The CLI's {@code --json} output. */
    public static RestoreReportJson parse(String json) throws IOException {
        return new RestoreReportJson(JSON.readTree(json));
    }

    public JsonNode json() {
        return json;
    }

    /** The container's entry; fails naming the id and the whole report when there is none. */
    public JsonNode entry(String id) {
        JsonNode entry = find(id);
        if (entry == null) {
            throw new AssertionError("no report entry for " + id + ": " + json);
        }
        return entry;
    }

    /** The container's outcome, or {@link #MISSING}, so a wait for an outcome can poll a report still changing. */
    public String outcome(String id) {
        JsonNode entry = find(id);
        return entry == null ? MISSING : entry.path("Outcome").asText();
    }

    /** Why the container got its outcome, or {@link #MISSING}. */
    public String detail(String id) {
        JsonNode entry = find(id);
        return entry == null ? MISSING : entry.path("Detail").asText();
    }

    /** Every container entry. */
    public List<JsonNode> containers() {
        List<JsonNode> entries = new ArrayList<>();
        json.path("Containers").forEach(entries::add);
        return entries;
    }

    /** Each plugin as {@code "<kind> <name> <ok>"}, e.g. {@code storage overlay true}. */
    public List<String> plugins() {
        List<String> plugins = new ArrayList<>();
        json.path("Plugins").forEach(p -> plugins.add(p.path("Kind").asText() + " " + p.path("Name").asText() + " "
                + p.path("Ok").asBoolean()));
        return plugins;
    }

    /** The phases' names in the order they ran. */
    public List<String> phases() {
        List<String> phases = new ArrayList<>();
        json.path("Phases").forEach(p -> phases.add(p.path("Name").asText()));
        return phases;
    }

    public JsonNode orphans() {
        return json.path("Orphans");
    }

    /** When the restore ran: a new value means a new restore. */
    public String startedAt() {
        return json.path("StartedAt").asText();
    }

    private JsonNode find(String id) {
        for (JsonNode entry : json.path("Containers")) {
            if (entry.path("Id").asText().equals(id)) {
                return entry;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
