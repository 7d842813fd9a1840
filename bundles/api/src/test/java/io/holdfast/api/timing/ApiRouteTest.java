package io.holdfast.api.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Route labels stay few: ids, names and versions never become label values of their own. */
class ApiRouteTest {
    @Test
    void idsAndVersionsAreFoldedIntoTheRoute() {
        assertEquals("GET /containers/{id}/json", ApiRoute.of("GET", "/v1.41/containers/3f2a9b/json"));
        assertEquals("POST /containers/{id}/start", ApiRoute.of("POST", "/containers/web/start"));
        assertEquals("DELETE /containers/{id}", ApiRoute.of("DELETE", "/v1.24/containers/web"));
        assertEquals("GET /containers/json", ApiRoute.of("GET", "/v1.41/containers/json"));
        assertEquals("POST /containers/create", ApiRoute.of("POST", "/containers/create"));
        assertEquals("POST /exec/{id}/start", ApiRoute.of("POST", "/exec/abc/start"));
        assertEquals("GET /_ping", ApiRoute.of("GET", "/_ping"));
        assertEquals("HEAD /_ping", ApiRoute.of("HEAD", "/v1.41/_ping"));
        assertEquals("GET /version", ApiRoute.of("GET", "/v1.41/version"));
        assertEquals("POST /system/reload", ApiRoute.of("POST", "/system/reload"));
    }

    @Test
    void imageNamesMayHoldSlashes() {
        assertEquals("GET /images/{name}/json", ApiRoute.of("GET", "/v1.41/images/library/busybox/json"));
        assertEquals("DELETE /images/{name}", ApiRoute.of("DELETE", "/images/library/busybox:latest"));
        assertEquals("GET /images/json", ApiRoute.of("GET", "/images/json"));
    }

    @Test
    void unknownPathsAndMethodsShareOneLabel() {
        assertEquals("GET /{other}", ApiRoute.of("GET", "/wp-admin/setup.php"));
        assertEquals("GET /{other}", ApiRoute.of("GET", "/"));
        assertEquals("OTHER /_ping", ApiRoute.of("PATCH", "/_ping"));
    }

    @Test
    void aTimedRequestLandsInItsBucketsCumulatively() {
        RequestTimings timings = new RequestTimings();
        timings.record("GET /_ping", 2_000_000);      // 2 ms
        timings.record("GET /_ping", 700_000_000);    // 0.7 s
        java.util.List<String> lines = new java.util.ArrayList<>();
        timings.collect(new io.holdfast.spi.metrics.MetricWriter() {
            @Override
            public void gauge(String name, String help, java.util.Map<String, String> labels, double value) {
            }

            @Override
            public void counter(String name, String help, java.util.Map<String, String> labels, double value) {
            }

            @Override
            public void histogram(String name, String help, java.util.Map<String, String> labels,
                                  java.util.List<Double> bounds, java.util.List<Long> counts, double sum, long count) {
                lines.add(labels.get("route") + " " + counts.get(bounds.indexOf(0.0025)) + " "
                        + counts.get(bounds.indexOf(0.5)) + " " + counts.get(bounds.indexOf(1.0)) + " " + count);
            }
        });
        assertEquals(java.util.List.of("GET /_ping 1 1 2 2"), lines);
    }
}
