package io.holdfast.routes;

import io.holdfast.docker.model.ContainerChange;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.PathStat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Files in and out of containers as {@code docker cp} and {@code docker export} use them: {@code HEAD}, {@code GET}
 * and {@code PUT /containers/{id}/archive?path=} (with the {@code X-Docker-Container-Path-Stat} header) and
 * {@code GET /containers/{id}/export}, and {@code GET /containers/{id}/changes} ({@code docker diff}).
 */
final class ArchiveRoutes {
    static final String STAT_HEADER = "X-Docker-Container-Path-Stat";
    private static final String TAR = "application/x-tar";

    private final Supplier<Containers> containers;

    ArchiveRoutes(Supplier<Containers> containers) {
        this.containers = containers;
    }

    void register(Router router) {
        router.add("HEAD", "/containers/{id}/archive", e -> {
            e.header(STAT_HEADER, statHeader(containers.get().statPath(e.pathParam(0), e.query("path"))));
            e.sendEmpty(200);
        }).add("GET", "/containers/{id}/archive", e -> {
            Containers c = containers.get();
            PathStat stat = c.statPath(e.pathParam(0), e.query("path"));
            e.header(STAT_HEADER, statHeader(stat));
            try (OutputStream out = e.stream(200, TAR)) {
                c.archive(e.pathParam(0), e.query("path"), out);
            }
        }).add("PUT", "/containers/{id}/archive", e -> {
            containers.get().extractArchive(e.pathParam(0), e.query("path"), e.body(),
                    e.flag("noOverwriteDirNonDir"), e.flag("copyUIDGID"));
            e.sendEmpty(200);
        }).add("GET", "/containers/{id}/export", e -> {
            Containers c = containers.get();
            c.get(e.pathParam(0)); // a 404 before the stream starts
            try (OutputStream out = e.stream(200, TAR)) {
                c.export(e.pathParam(0), out);
            }
        }).add("GET", "/containers/{id}/changes", e -> e.sendJson(200,
                containers.get().changes(e.pathParam(0)).stream()
                        .map(change -> new ContainerChange(change.path(), change.kind().ordinal())).toList()));
    }

    /** Docker's header: the stat as JSON, base64-encoded. */
    static String statHeader(PathStat stat) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", stat.name());
        json.put("size", stat.size());
        json.put("mode", stat.mode());
        json.put("mtime", stat.mtime().toString());
        json.put("linkTarget", stat.linkTarget());
        return Base64.getEncoder().encodeToString(ApiExchange.JSON.writeValueAsString(json)
                .getBytes(StandardCharsets.UTF_8));
    }
}
