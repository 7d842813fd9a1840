package io.holdfast.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.common.docker.EngineIdentity;
import io.holdfast.common.text.ApiPaths;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * What the sockets answer themselves, from the moment they open: the identity headers Docker clients negotiate
 * with ({@code Api-Version}, {@code Ostype}, {@code Server}) on every response, and {@code /_ping} and
 * {@code /version}, which need no restored state. So a client that starts with either (every Docker client does)
 * is answered while the engine still restores, or swaps the bundle that answers the rest; what needs the containers
 * waits for that bundle ({@link Dispatcher}).
 */
final class SystemAnswers {
    /** The engine's version is its supervisor's, the bundle that runs the containers (a reload may swap it). */
    private static final String SUPERVISOR = "io.holdfast.supervisor";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<BundleContext> framework;

    /** @param framework the framework the engine runs in, asked at each answer (a reload may change the version) */
    SystemAnswers(Supplier<BundleContext> framework) {
        this.framework = framework;
    }

    private String engineVersion() {
        BundleContext context = framework.get();
        return context == null ? "unknown" : supervisorVersion(context.getBundles());
    }

    private String commit() {
        BundleContext context = framework.get();
        String commit = context == null ? null : context.getProperty("holdfast.commit");
        return commit == null ? "unknown" : commit;
    }

    /** Puts the identity headers on {@code response}; every response carries them. */
    void identify(Response response) {
        EngineIdentity.headers(engineVersion()).forEach(response.getHeaders()::put);
    }

    /** Answers {@code request} if it is one of these; false to leave it to the engine's handler. */
    boolean answer(Request request, Response response, Callback callback) throws Exception {
        String path = ApiPaths.withoutVersion(Request.getPathInContext(request));
        String method = request.getMethod();
        if (path.equals("/_ping") && (method.equals("GET") || method.equals("HEAD"))) {
            response.setStatus(200);
            EngineIdentity.pingHeaders().forEach(response.getHeaders()::put);
            byte[] body = method.equals("GET") ? EngineIdentity.PING_BODY.getBytes(StandardCharsets.UTF_8)
                    : new byte[0]; // HEAD has no body
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
        if (path.equals("/version") && method.equals("GET")) {
            Map<String, Object> version = EngineIdentity.version(engineVersion(), commit());
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(version)), callback);
            return true;
        }
        return false;
    }

    /** The running supervisor's version; while none runs yet (the start), the newest installed one's. */
    static String supervisorVersion(Bundle[] bundles) {
        return Arrays.stream(bundles).filter(b -> SUPERVISOR.equals(b.getSymbolicName()))
                .max(Comparator.<Bundle>comparingInt(b -> b.getState() == Bundle.ACTIVE ? 1 : 0)
                        .thenComparing(Bundle::getVersion))
                .map(b -> b.getVersion().toString()).orElse("unknown");
    }
}
