package io.holdfast.cli.engine;

import io.holdfast.cli.http.ConnectFailedException;
import io.holdfast.docker.model.ContainerChange;
import io.holdfast.docker.model.ContainerSummary;
import io.holdfast.docker.model.CreateResponse;
import io.holdfast.docker.model.ExecConfig;
import io.holdfast.docker.model.ExecInspect;
import io.holdfast.docker.model.ExecStartCheck;
import io.holdfast.docker.model.IdResponse;
import io.holdfast.docker.model.ImageSummary;
import io.holdfast.docker.model.SystemInfo;
import io.holdfast.docker.model.SystemVersion;
import io.holdfast.docker.model.WaitResponse;
import io.holdfast.cli.http.HttpRequest;
import io.holdfast.cli.http.HttpResponse;
import io.holdfast.cli.http.RequestBody;
import io.holdfast.cli.http.UnixHttpClient;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Typed calls to the daemon's Docker-shaped API. Each call is one connection; a non-2xx answer
 * becomes an {@link EngineApiException}, an unreachable socket an {@link EngineUnavailableException}.
 */
public final class EngineClient {

    private final EngineHost host;
    private final UnixHttpClient http;

    public EngineClient(EngineHost host) {
        this.host = host;
        this.http = new UnixHttpClient(host.socket());
    }

    public EngineHost host() {
        return host;
    }

    public String ping() throws IOException {
        try (HttpResponse response = exchange(HttpRequest.get("/_ping"))) {
            return response.bodyText();
        }
    }

    public SystemVersion version() throws IOException {
        return typed(HttpRequest.get("/version"), SystemVersion.class);
    }

    public SystemInfo info() throws IOException {
        return typed(HttpRequest.get("/info"), SystemInfo.class);
    }

    /** The last restore's report ({@code GET /restore/report}). */
    public Map<String, Object> restoreReport() throws IOException {
        return object(HttpRequest.get("/restore/report"));
    }

    /** Reloads the engine in place, or with {@code dryRun} says what a reload would do ({@code POST /system/reload}). */
    public Map<String, Object> reload(boolean dryRun) throws IOException {
        HttpResponse response;
        try {
            response = http.send(HttpRequest.post("/system/reload" + (dryRun ? "?dryRun=1" : "")));
        } catch (ConnectFailedException e) {
            throw new EngineUnavailableException(host, e);
        }
        try (response) {
            Map<String, Object> body = Json.object(response.bodyBytes());
            if (response.successful() || body.containsKey("Ok")) { // a failed reload still reports what it found
                return body;
            }
            throw EngineApiException.fromBody(response.status(), response.bodyBytes());
        }
    }

    /**
     * Opens a shell session ({@code POST /holdfast/shell/sessions}); the response stays open for as long as the
     * session lives: its first line is {@code {"Id": ...}}, then a newline now and then. The caller holds it, and
     * closing it ends the session.
     */
    public HttpResponse openShell() throws IOException {
        return exchange(HttpRequest.post("/holdfast/shell/sessions"));
    }

    /** Runs one line in the session: {@code Out}, {@code Err} and {@code Status}. */
    public Map<String, Object> shellExec(String session, String line) throws IOException {
        return object(HttpRequest.post(shell(session) + "/exec",
                RequestBody.json(Json.bytes(Map.of("Line", line)))));
    }

    /** Completions of the word before {@code cursor}: each with {@code Value}, {@code Description}, {@code Complete}. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> shellComplete(String session, String line, int cursor) throws IOException {
        Map<String, Object> body = object(HttpRequest.get(shell(session) + "/complete?line="
                + UriEncoding.queryValue(line) + "&cursor=" + cursor));
        return Json.objects((List<Object>) body.getOrDefault("Candidates", List.of()));
    }

    public void closeShell(String session) throws IOException {
        discard(HttpRequest.delete(shell(session)));
    }

    private static String shell(String session) {
        return "/holdfast/shell/sessions/" + UriEncoding.pathSegment(session);
    }

    /** What a restore would do now ({@code GET /restore/plan}). */
    public Map<String, Object> restorePlan() throws IOException {
        return object(HttpRequest.get("/restore/plan"));
    }

    /** Adopts a container the restore left for the operator; returns its new restore entry. */
    public Map<String, Object> adopt(String ref) throws IOException {
        return object(HttpRequest.post("/restore/containers/" + UriEncoding.pathSegment(ref) + "/adopt"));
    }

    /** Stops a container the restore left for the operator, or an orphan; returns what was done. */
    public Map<String, Object> stopUnadopted(String ref, int timeoutSeconds) throws IOException {
        return object(HttpRequest.post("/restore/containers/" + UriEncoding.pathSegment(ref) + "/stop?t="
                + timeoutSeconds));
    }

    public List<ContainerSummary> containers(boolean all) throws IOException {
        return containers(all, null);
    }

    /** @param filtersJson Docker's filters map as JSON ({@code {"health":["healthy"]}}), or null for none */
    public List<ContainerSummary> containers(boolean all, String filtersJson) throws IOException {
        String query = (all ? "&all=1" : "")
                + (filtersJson == null ? "" : "&filters=" + UriEncoding.queryValue(filtersJson));
        return list(HttpRequest.get("/containers/json" + (query.isEmpty() ? "" : "?" + query.substring(1))),
                ContainerSummary.class);
    }

    /** @param name the container name, or null to let the daemon pick one */
    public CreateResponse create(String name, ContainerSpec spec) throws IOException {
        String target = "/containers/create" + (name == null ? "" : "?name=" + UriEncoding.queryValue(name));
        return typed(HttpRequest.post(target, RequestBody.json(Json.bytes(spec.toJson()))), CreateResponse.class);
    }

    /** Starting a running container answers 304, which is success here as in Docker. */
    public void start(String ref) throws IOException {
        discard(HttpRequest.post(container(ref) + "/start"));
    }

    /** @param timeoutSeconds seconds before SIGKILL, or null for the container's default */
    public void stop(String ref, Integer timeoutSeconds) throws IOException {
        discard(HttpRequest.post(container(ref) + "/stop" + (timeoutSeconds == null ? "" : "?t=" + timeoutSeconds)));
    }

    /** @param signal a signal name or number, or null for the daemon's default (KILL) */
    public void kill(String ref, String signal) throws IOException {
        discard(HttpRequest.post(container(ref) + "/kill"
                + (signal == null ? "" : "?signal=" + UriEncoding.queryValue(signal))));
    }

    /** @param timeoutSeconds seconds before SIGKILL, or null for the container's default */
    public void restart(String ref, Integer timeoutSeconds) throws IOException {
        discard(HttpRequest.post(container(ref) + "/restart" + (timeoutSeconds == null ? "" : "?t=" + timeoutSeconds)));
    }

    public void rename(String ref, String newName) throws IOException {
        discard(HttpRequest.post(container(ref) + "/rename?name=" + UriEncoding.queryValue(newName)));
    }

    public void pause(String ref) throws IOException {
        discard(HttpRequest.post(container(ref) + "/pause"));
    }

    public void unpause(String ref) throws IOException {
        discard(HttpRequest.post(container(ref) + "/unpause"));
    }

    /** {@code {"Titles": [...], "Processes": [[...], ...]}}; {@code psArgs} null for the daemon's {@code -ef}. */
    public Map<String, Object> top(String ref, String psArgs) throws IOException {
        return object(HttpRequest.get(container(ref) + "/top"
                + (psArgs == null ? "" : "?ps_args=" + UriEncoding.queryValue(psArgs))));
    }

    /** How the container's file system differs from its image's ({@code docker diff}). */
    public List<ContainerChange> changes(String ref) throws IOException {
        return list(HttpRequest.get(container(ref) + "/changes"), ContainerChange.class);
    }

    /** One stats document with {@code precpu_stats} set (the daemon takes a second to sample twice). */
    public Map<String, Object> stats(String ref) throws IOException {
        return object(HttpRequest.get(container(ref) + "/stats?stream=0"));
    }

    /** Removes stopped containers; {@code filtersJson} is Docker's filters map, or null. */
    public Map<String, Object> pruneContainers(String filtersJson) throws IOException {
        return object(HttpRequest.post("/containers/prune"
                + (filtersJson == null ? "" : "?filters=" + UriEncoding.queryValue(filtersJson))));
    }

    /**
     * What is at {@code path} in the container, decoded from {@code X-Docker-Container-Path-Stat}
     * ({@code name}, {@code size}, {@code mode}, {@code mtime}, {@code linkTarget}); empty if nothing is there.
     */
    public java.util.Optional<Map<String, Object>> statPath(String ref, String path) throws IOException {
        HttpResponse response;
        try {
            response = http.send(new HttpRequest("HEAD", archive(ref, path), null));
        } catch (ConnectFailedException e) {
            throw new EngineUnavailableException(host, e);
        }
        try (response) {
            if (response.status() == 404) {
                return java.util.Optional.empty();
            }
            if (!response.successful()) {
                throw new EngineApiException(response.status(), "cannot stat " + path + " in " + ref);
            }
            String header = response.header("X-Docker-Container-Path-Stat");
            return java.util.Optional.of(Json.object(java.util.Base64.getDecoder().decode(header == null ? "" : header)));
        }
    }

    /** Copies the tar of {@code path} in the container into {@code sink}. */
    public void getArchive(String ref, String path, java.io.OutputStream sink) throws IOException {
        try (HttpResponse response = exchange(HttpRequest.get(archive(ref, path)))) {
            response.body().transferTo(sink);
        }
    }

    /**
     * Extracts {@code tar} into the directory {@code path} in the container, as {@code docker cp} does; with
     * {@code keepOwners} the tar's owners are kept, otherwise root owns what is extracted.
     */
    public void putArchive(String ref, String path, RequestBody.Streamed tar, boolean keepOwners) throws IOException {
        discard(new HttpRequest("PUT", archive(ref, path) + "&noOverwriteDirNonDir=true"
                + (keepOwners ? "&copyUIDGID=true" : ""), tar));
    }

    /** Copies the tar of the container's whole root file system into {@code sink}. */
    public void export(String ref, java.io.OutputStream sink) throws IOException {
        try (HttpResponse response = exchange(HttpRequest.get(container(ref) + "/export"))) {
            response.body().transferTo(sink);
        }
    }

    private static String archive(String ref, String path) {
        return container(ref) + "/archive?path=" + UriEncoding.queryValue(path);
    }

    public void remove(String ref, boolean force) throws IOException {
        discard(HttpRequest.delete(container(ref) + (force ? "?force=1" : "")));
    }

    /** {@code rm -v}: the container's anonymous volumes go with it. */
    public void remove(String ref, boolean force, boolean volumes) throws IOException {
        if (!volumes) {
            remove(ref, force);
            return;
        }
        discard(HttpRequest.delete(container(ref) + "?force=" + (force ? 1 : 0) + "&v=1"));
    }

    /** {@code POST /volumes/create} with Docker's body ({@code Name}, {@code Driver}, {@code DriverOpts}, {@code Labels}). */
    public Map<String, Object> createVolume(Map<String, Object> body) throws IOException {
        return object(HttpRequest.post("/volumes/create", RequestBody.json(Json.bytes(body))));
    }

    /** {@code GET /volumes}: {@code {"Volumes": [...], "Warnings": [...]}}. */
    public Map<String, Object> volumes(String filtersJson) throws IOException {
        return object(HttpRequest.get("/volumes"
                + (filtersJson == null ? "" : "?filters=" + UriEncoding.queryValue(filtersJson))));
    }

    public Map<String, Object> volume(String name) throws IOException {
        return object(HttpRequest.get("/volumes/" + UriEncoding.pathSegment(name)));
    }

    public void removeVolume(String name, boolean force) throws IOException {
        discard(HttpRequest.delete("/volumes/" + UriEncoding.pathSegment(name) + (force ? "?force=1" : "")));
    }

    public Map<String, Object> pruneVolumes(String filtersJson) throws IOException {
        return object(HttpRequest.post("/volumes/prune"
                + (filtersJson == null ? "" : "?filters=" + UriEncoding.queryValue(filtersJson))));
    }

    /** Blocks until the container is not running and returns its exit code. */
    public int waitFor(String ref) throws IOException {
        return (int) typed(HttpRequest.post(container(ref) + "/wait"), WaitResponse.class).statusCode();
    }

    /**
     * Like {@link #waitFor} but for the next exit, so it can be sent before start; used by
     * {@code run --rm}, whose container may be gone by the time a plain wait is sent.
     */
    public int waitForNextExit(String ref) throws IOException {
        return (int) typed(HttpRequest.post(container(ref) + "/wait?condition=next-exit"), WaitResponse.class)
                .statusCode();
    }

    /**
     * Attaches to the output of {@code ref}, which is created and not started yet: the engine answers once its reader
     * stands at the start of the container's log, so the caller can start the container and read everything it
     * writes from the returned response's body (Docker's multiplexed stream, or raw with a terminal), which ends when
     * the container exits. What {@code docker run} does, and unlike following the log after the start, nothing is
     * lost when a container with {@code --rm} exits and is removed before the follow would have been asked for.
     */
    public HttpResponse attachBeforeStart(String ref) throws IOException {
        return exchange(HttpRequest.postUpgrade(container(ref) + "/attach?stream=1&stdout=1&stderr=1&logs=1"));
    }

    /** Streams the log into the demultiplexer; with follow it returns when the container stops. */
    public void logs(String ref, LogOptions options, LogDemultiplexer sink) throws IOException {
        try (HttpResponse response = exchange(HttpRequest.get(container(ref) + "/logs?" + options.query()))) {
            sink.copy(response.body());
        }
    }

    /**
     * Hands each event to {@code sink} as it arrives; returns when the engine ends the stream ({@code until} reached)
     * or when {@code sink} returns false.
     */
    public void events(EventQuery query, java.util.function.Predicate<EventMessage> sink) throws IOException {
        try (HttpResponse response = exchange(HttpRequest.get("/events" + query.query()))) {
            java.io.BufferedReader lines = new java.io.BufferedReader(
                    new java.io.InputStreamReader(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                if (!line.isBlank() && !sink.test(EventMessage.fromJson(
                        Json.object(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)), line))) {
                    return;
                }
            }
        }
    }

    public Map<String, Object> inspect(String ref) throws IOException {
        return object(HttpRequest.get(container(ref) + "/json"));
    }

    public List<ImageSummary> images() throws IOException {
        return list(HttpRequest.get("/images/json"), ImageSummary.class);
    }

    /**
     * Uploads a root filesystem tarball as a new image and returns its id.
     *
     * @param repository the name to tag it with, or null; {@code tag} is then ignored
     */
    public String importImage(RequestBody.Streamed tarball, String repository, String tag) throws IOException {
        StringBuilder target = new StringBuilder("/images/create?fromSrc=-");
        if (repository != null) {
            target.append("&repo=").append(UriEncoding.queryValue(repository));
            if (tag != null) {
                target.append("&tag=").append(UriEncoding.queryValue(tag));
            }
        }
        try (HttpResponse response = exchange(HttpRequest.post(target.toString(), tarball))) {
            return ProgressMessages.lastStatus(response.bodyText());
        }
    }

    /**
     * Pulls {@code reference} ({@code POST /images/create?fromImage=}), handing each progress message to
     * {@code sink} as it arrives; a message with {@code error} ends it with an {@link EngineApiException}.
     *
     * @param platform {@code os/arch[/variant]}, or null for the engine's
     */
    public void pull(String reference, String platform, java.util.function.Consumer<Map<String, Object>> sink)
            throws IOException {
        String target = "/images/create?fromImage=" + UriEncoding.queryValue(reference)
                + (platform == null ? "" : "&platform=" + UriEncoding.queryValue(platform));
        try (HttpResponse response = exchange(HttpRequest.post(target))) {
            ProgressMessages.eachUntil(response.body(), sink,
                    m -> String.valueOf(m.get("status")).startsWith("Status: "), "pull");
        }
    }

    /** Pushes the image {@code reference} names ({@code POST /images/{name}/push?tag=}); progress as {@link #pull}. */
    public void push(String reference, java.util.function.Consumer<Map<String, Object>> sink) throws IOException {
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        boolean tagged = colon > slash;
        String name = tagged ? reference.substring(0, colon) : reference;
        String tag = tagged ? reference.substring(colon + 1) : "latest";
        try (HttpResponse response =  exchange(HttpRequest.post("/images/" + java.util.Arrays.stream(name.split("/", -1))
                .map(UriEncoding::pathSegment).collect(java.util.stream.Collectors.joining("/"))
                + "/push?tag=" + UriEncoding.queryValue(tag)))) {
            ProgressMessages.eachUntil(response.body(), sink, m -> m.get("aux") != null, "push");
        }
    }

    /** Uploads an image archive (docker save format or OCI layout); returns the engine's "Loaded image: ..." lines. */
    public List<String> loadImages(RequestBody.Streamed archive) throws IOException {
        try (HttpResponse response = exchange(HttpRequest.post("/images/load?quiet=1", archive))) {
            return ProgressMessages.streamLines(response.bodyText());
        }
    }

    /**
     * Uploads an image archive and hands each message of the engine's answer to {@code sink} as it arrives: each
     * layer's {@code Loading layer} progress, then one {@code stream} message per image loaded.
     */
    public void loadImages(RequestBody.Streamed archive, java.util.function.Consumer<Map<String, Object>> sink)
            throws IOException {
        try (HttpResponse response = exchange(HttpRequest.post("/images/load", archive))) {
            ProgressMessages.eachUntil(response.body(), sink, m -> m.get("stream") != null, "load");
        }
    }

    /** Copies an archive of the named images (docker save format, also an OCI layout) into {@code sink}. */
    public void saveImages(List<String> refs, java.io.OutputStream sink) throws IOException {
        StringBuilder target = new StringBuilder("/images/get?");
        for (int i = 0; i < refs.size(); i++) {
            target.append(i == 0 ? "" : "&").append("names=").append(UriEncoding.queryValue(refs.get(i)));
        }
        try (HttpResponse response = exchange(HttpRequest.get(target.toString()))) {
            response.body().transferTo(sink);
        }
    }

    /** Points {@code target} (name[:tag]) at the image {@code source} names. */
    public void tagImage(String source, String target) throws IOException {
        int slash = target.lastIndexOf('/');
        int colon = target.lastIndexOf(':');
        boolean tagged = colon > slash;
        String query = "?repo=" + UriEncoding.queryValue(tagged ? target.substring(0, colon) : target)
                + (tagged ? "&tag=" + UriEncoding.queryValue(target.substring(colon + 1)) : "");
        discard(HttpRequest.post(image(source) + "/tag" + query));
    }

    /** Returns the daemon's report, entries like {"Untagged": "busybox:latest"} or {"Deleted": "sha256:..."}. */
    public List<Map<String, Object>> removeImage(String ref, boolean force) throws IOException {
        return objects(HttpRequest.delete(image(ref) + (force ? "?force=1" : "")));
    }

    /** Image names keep their slashes in the path, as the docker CLI sends them (Jetty refuses an encoded %2F). */
    private static String image(String ref) {
        StringBuilder path = new StringBuilder("/images");
        for (String segment : ref.split("/", -1)) {
            path.append('/').append(UriEncoding.pathSegment(segment));
        }
        return path.toString();
    }

    /** Sets up a command to run in the running container {@code ref}; returns the exec's id. */
    public String execCreate(String ref, ExecConfig config) throws IOException {
        return typed(HttpRequest.post(container(ref) + "/exec", RequestBody.json(Json.typedBytes(config))),
                IdResponse.class).id();
    }

    /** Starts an exec in the background. */
    public void execStartDetached(String id) throws IOException {
        discard(HttpRequest.post(exec(id) + "/start",
                RequestBody.json(Json.typedBytes(new ExecStartCheck(true, false)))));
    }

    /** Starts an exec and streams its output into the demultiplexer until it has ended. */
    public void execStart(String id, LogDemultiplexer sink) throws IOException {
        try (HttpResponse response = exchange(HttpRequest.post(exec(id) + "/start",
                RequestBody.json(Json.typedBytes(new ExecStartCheck(false, false)))))) {
            sink.copy(response.body());
        }
    }

    public ExecInspect execInspect(String id) throws IOException {
        return typed(HttpRequest.get(exec(id) + "/json"), ExecInspect.class);
    }

    // ---- user-defined networks (Docker's /networks), bodies and answers as Docker's JSON

    /** Creates a network from Docker's create body; returns {@code {"Id": ..., "Warning": ...}}. */
    public Map<String, Object> createNetwork(Map<String, Object> body) throws IOException {
        return object(HttpRequest.post("/networks/create", RequestBody.json(Json.bytes(body))));
    }

    /** The networks, filtered by Docker's filters map ({@code filtersJson}, or null). */
    public List<Map<String, Object>> networks(String filtersJson) throws IOException {
        return objects(HttpRequest.get("/networks"
                + (filtersJson == null ? "" : "?filters=" + UriEncoding.queryValue(filtersJson))));
    }

    public Map<String, Object> inspectNetwork(String ref) throws IOException {
        return object(HttpRequest.get(network(ref)));
    }

    public void removeNetwork(String ref) throws IOException {
        discard(HttpRequest.delete(network(ref)));
    }

    /** Returns {@code {"NetworksDeleted": [...]}}. */
    public Map<String, Object> pruneNetworks(String filtersJson) throws IOException {
        return object(HttpRequest.post("/networks/prune"
                + (filtersJson == null ? "" : "?filters=" + UriEncoding.queryValue(filtersJson))));
    }

    /** {@code connect} or {@code disconnect} the container {@code container} and network {@code ref}. */
    public void networkVerb(String ref, String verb, Map<String, Object> body) throws IOException {
        discard(HttpRequest.post(network(ref) + "/" + verb, RequestBody.json(Json.bytes(body))));
    }

    private static String network(String ref) {
        return "/networks/" + UriEncoding.pathSegment(ref);
    }

    private static String exec(String id) {
        return "/exec/" + UriEncoding.pathSegment(id);
    }

    private static String container(String ref) {
        return "/containers/" + UriEncoding.pathSegment(ref);
    }

    private Map<String, Object> object(HttpRequest request) throws IOException {
        try (HttpResponse response = exchange(request)) {
            return Json.object(response.bodyBytes());
        }
    }

    private <T> T typed(HttpRequest request, Class<T> type) throws IOException {
        try (HttpResponse response = exchange(request)) {
            return Json.typed(response.bodyBytes(), type);
        }
    }

    private <T> List<T> list(HttpRequest request, Class<T> type) throws IOException {
        try (HttpResponse response = exchange(request)) {
            return Json.typedList(response.bodyBytes(), type);
        }
    }

    private List<Map<String, Object>> objects(HttpRequest request) throws IOException {
        try (HttpResponse response = exchange(request)) {
            return Json.objects(Json.array(response.bodyBytes()));
        }
    }

    private void discard(HttpRequest request) throws IOException {
        exchange(request).close();
    }

    /** Sends the request; any answer but 2xx or 304 is turned into an exception carrying the daemon's message. */
    private HttpResponse exchange(HttpRequest request) throws IOException {
        HttpResponse response;
        try {
            response = http.send(request);
        } catch (ConnectFailedException e) {
            throw new EngineUnavailableException(host, e);
        }
        if (response.successful() || response.status() == 304 || (request.upgrade() && response.status() == 101)) {
            return response;
        }
        try (response) {
            throw EngineApiException.fromBody(response.status(), response.bodyBytes());
        }
    }
}
