package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.EngineSetup;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** daemon.json's metrics-addr: Prometheus text on loopback or a Unix socket, true after a restore and a reload. */
@ExtendWith(EngineExtension.class)
class MetricsTest {
    private static final Duration SHORT = Duration.ofSeconds(60);

    @Test
    void aScrapeAfterAKill9AndRestartReportsTheRestoreTheContainersTheMonitorsAndTheApi(
            @EngineSetup(start = false) Engine engine) throws Exception {
        int port = freeLoopbackPort();
        engine.configure(Map.of("metrics-addr", "127.0.0.1:" + port));
        engine.start();
        io.holdfast.itests.support.BusyboxImage.importInto(engine);
        Api api = engine.api();
        String id = api.runDetached(List.of("sleep", "1000"));
        long pid = api.pid(id);

        engine.kill9();
        assertTrue(Await.alive(pid));
        engine.start();
        assertEquals(pid, api.pid(id));

        String metrics = scrape(port);
        assertTrue(value(metrics, "holdfast_restore_duration_seconds") > 0, metrics);
        assertEquals(1, value(metrics, "holdfast_restore_containers{outcome=\"adopted\"}"), metrics);
        assertEquals(0, value(metrics, "holdfast_restore_containers{outcome=\"lost\"}"), metrics);
        assertEquals(1, value(metrics, "holdfast_containers{state=\"running\"}"), metrics);
        assertEquals(0, value(metrics, "holdfast_containers{state=\"exited\"}"), metrics);
        assertEquals(1, value(metrics, "holdfast_monitors"), metrics);
        assertTrue(value(metrics, "holdfast_api_request_duration_seconds_count{route=\"GET /containers/{id}/json\"}")
                >= 1, metrics);
        assertTrue(metrics.contains("# TYPE holdfast_api_request_duration_seconds histogram"), metrics);
        assertEquals(0, value(metrics, "holdfast_reloads_total{kind=\"config\",result=\"ok\"}"), metrics);
    }

    @Test
    void aReloadMovesTheMetricsToAUnixSocketAndCountsItself(@EngineSetup(busybox = false) Engine engine)
            throws Exception {
        Path socket = engine.root().resolve("metrics.sock");
        engine.configure(Map.of("metrics-addr", "unix://" + socket));
        Api.Response reload = engine.api().request("POST", "/system/reload");
        assertEquals(200, reload.status(), reload.body());

        Await.until("metrics on " + socket, SHORT, () -> socket.toFile().exists());
        String metrics = scrapeUnix(socket);
        assertEquals(1, value(metrics, "holdfast_reloads_total{kind=\"config\",result=\"ok\"}"), metrics);
        assertTrue(value(metrics, "holdfast_reload_duration_seconds_total{kind=\"config\"}") > 0, metrics);
    }

    @Test
    void anAddressOffLoopbackStopsTheEngineNamingTheKey(@EngineSetup(start = false) Engine engine) throws Exception {
        engine.configure(Map.of("metrics-addr", "0.0.0.0:9323"));
        Process p = engine.launch(List.of("--config", engine.configFile().toString()));
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), engine.log());
        assertEquals(1, p.exitValue(), engine.log());
        assertTrue(engine.log().contains("key \"metrics-addr\": expected 127.0.0.1:PORT, [::1]:PORT or"
                + " unix:///ABSOLUTE/PATH, found \"0.0.0.0:9323\""), engine.log());
    }

    private static int freeLoopbackPort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** A plain HTTP GET, as Prometheus scrapes. */
    private static String scrape(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(SHORT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        return response.body();
    }

    /** HTTP/1.0 on the Unix socket, read to the end. */
    private static String scrapeUnix(Path socket) throws Exception {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("GET /metrics HTTP/1.0\r\nHost: metrics\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(16384);
            while (channel.read(buffer) >= 0) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            String text = out.toString(StandardCharsets.UTF_8);
            assertTrue(text.startsWith("HTTP/1.1 200") || text.startsWith("HTTP/1.0 200"), text);
            return text.substring(text.indexOf("\r\n\r\n") + 4);
        }
    }

    /** The value of the sample written exactly as {@code series} (name and labels); fails when there is none. */
    private static double value(String metrics, String series) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertTrue(sample.find(), "no sample " + series + " in:\n" + metrics);
        return Double.parseDouble(sample.group(1));
    }
}
