package io.holdfast.metrics;

import io.holdfast.spi.metrics.MetricSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /metrics}: every source's samples in Prometheus' text format. A source that fails is logged and left
 * out of this scrape; the others are still served.
 */
final class MetricsEndpoint extends Handler.Abstract {
    private static final Logger LOG = Logger.getLogger(MetricsEndpoint.class.getName());
    private final Supplier<List<MetricSource>> sources;

    MetricsEndpoint(Supplier<List<MetricSource>> sources) {
        this.sources = sources;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.equals("/metrics")) {
            response.setStatus(404);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.write(true, ByteBuffer.wrap("only /metrics is served here\n".getBytes(StandardCharsets.UTF_8)),
                    callback);
            return true;
        }
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            response.setStatus(405);
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            response.write(true, ByteBuffer.allocate(0), callback);
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, PrometheusText.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(scrape().getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    String scrape() {
        PrometheusText text = new PrometheusText();
        for (MetricSource source : sources.get()) {
            try {
                source.collect(text);
            } catch (RuntimeException e) {
                LOG.warning("metrics source " + source.getClass().getName() + " failed: " + e);
            }
        }
        return text.text();
    }
}
