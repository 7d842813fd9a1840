package io.holdfast.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.common.text.ApiPaths;
import io.holdfast.spi.reload.ReloadReport;
import io.holdfast.spi.reload.Reloader;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code POST /system/reload[?dryRun=1]}: the same reload as SIGHUP, answered here rather than by the engine's
 * handler ({@code bundles/api-routes}), because a reload may swap that bundle or the supervisor it needs: a request
 * still running in classes being refreshed could not finish. 200 with the report, 400 when the reload was refused or
 * put back.
 */
final class ReloadEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    static boolean matches(Request request) {
        return "POST".equals(request.getMethod())
                && ApiPaths.withoutVersion(Request.getPathInContext(request)).equals("/system/reload");
    }

    static void serve(Reloader reloader, Request request, Response response, Callback callback) throws Exception {
        if (reloader == null) {
            send(response, callback, 503, Map.of("message", "the reload bundle is not running"));
            return;
        }
        Fields query = Request.extractQueryParameters(request);
        String dryRun = query.getValue("dryRun");
        ReloadReport report = reloader.reload(dryRun != null && (dryRun.equals("1") || dryRun.equalsIgnoreCase("true")));
        send(response, callback, report.ok() ? 200 : 400, ReloadReportView.of(report));
    }

    private static void send(Response response, Callback callback, int status, Object body) throws Exception {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(body)), callback);
    }
}
