package io.holdfast.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.volume.Volume;
import io.holdfast.spi.volume.VolumePruneReport;
import io.holdfast.spi.volume.VolumeRequest;
import io.holdfast.spi.volume.Volumes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /volumes}: create, list (with filters), inspect, remove (409 while in use), prune; Docker's shapes
 * ({@code {"Volumes": [...], "Warnings": []}}, {@code VolumesDeleted}, {@code SpaceReclaimed}).
 */
final class VolumeRoutes {
    private static final java.util.Set<String> CREATE_FIELDS = java.util.Set.of("Name", "Driver", "DriverOpts",
            "Labels");
    private final Supplier<Volumes> volumes;

    VolumeRoutes(Supplier<Volumes> volumes) {
        this.volumes = volumes;
    }

    void register(Router router) {
        router.add("GET", "/volumes", this::list)
                .add("POST", "/volumes/create", this::create)
                .add("POST", "/volumes/prune", this::prune)
                .add("GET", "/volumes/{name}", e -> e.sendJson(200, view(volumes.get().get(e.pathParam(0)))))
                .add("DELETE", "/volumes/{name}", e -> {
                    volumes.get().remove(e.pathParam(0), e.flag("force"));
                    e.sendEmpty(204);
                });
    }

    private void list(ApiExchange e) throws Exception {
        VolumeFilter filter = VolumeFilter.parse(e.query("filters"), false);
        Volumes all = volumes.get();
        List<Map<String, Object>> shown = all.list().stream()
                .filter(v -> filter.test(v, name -> !all.usedBy(name).isEmpty())).map(VolumeRoutes::view).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Volumes", shown);
        body.put("Warnings", List.of());
        e.sendJson(200, body);
    }

    private void create(ApiExchange e) throws Exception {
        JsonNode body = e.jsonBody();
        if (body == null || !body.isObject()) {
            throw new EngineException(Kind.INVALID, "expected a JSON object: {\"Name\": ..., \"Driver\": ...}");
        }
        for (var names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!CREATE_FIELDS.contains(field) && !body.get(field).isNull()) {
                throw new EngineException(Kind.INVALID, field + ": not supported by Holdfast (found "
                        + body.get(field) + ")");
            }
        }
        Volume created = volumes.get().create(new VolumeRequest(text(body, "Name"), text(body, "Driver"),
                stringMap(body, "DriverOpts"), stringMap(body, "Labels")));
        e.sendJson(201, view(created));
    }

    private void prune(ApiExchange e) throws Exception {
        VolumeFilter filter = VolumeFilter.parse(e.query("filters"), true);
        VolumePruneReport report = volumes.get().prune(v -> filter.test(v, name -> false));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("VolumesDeleted", report.deleted());
        body.put("SpaceReclaimed", report.spaceReclaimed());
        e.sendJson(200, body);
    }

    /** Docker's volume JSON. */
    static Map<String, Object> view(Volume v) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("CreatedAt", v.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        view.put("Driver", v.driver());
        view.put("Labels", v.labels());
        view.put("Mountpoint", v.mountpoint());
        view.put("Name", v.name());
        view.put("Options", v.options().isEmpty() ? null : v.options());
        view.put("Scope", "local");
        return view;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new EngineException(Kind.INVALID, field + ": expected a string, found " + value);
        }
        return value.textValue();
    }

    private static Map<String, String> stringMap(JsonNode body, String field) {
        JsonNode value = body.get(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return map;
        }
        if (!value.isObject()) {
            throw new EngineException(Kind.INVALID, field + ": expected an object of strings, found " + value);
        }
        for (var entry : value.properties()) {
            if (!entry.getValue().isTextual()) {
                throw new EngineException(Kind.INVALID, field + "." + entry.getKey() + ": expected a string, found "
                        + entry.getValue());
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        }
        return map;
    }
}
