package io.holdfast.routes;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

/** Test helper: a Jetty server without sockets (a {@link LocalConnector}) in front of one handler. */
final class LocalServer implements AutoCloseable {
    private final Server server = new Server();
    private final LocalConnector connector = new LocalConnector(server);

    LocalServer(Handler handler) throws Exception {
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
    }

    HttpTester.Response send(String method, String path) throws Exception {
        String raw = method + " " + path + " HTTP/1.1\r\nHost: local\r\nConnection: close\r\n\r\n";
        return HttpTester.parseResponse(connector.getResponse(raw, 30, TimeUnit.SECONDS));
    }

    /** Sends a whole request as given; null when no complete answer came within 10 s. */
    HttpTester.Response send(java.nio.ByteBuffer request, boolean head) throws Exception {
        java.nio.ByteBuffer answer = connector.getResponse(request, 10, TimeUnit.SECONDS);
        if (answer == null) {
            return null;
        }
        return head ? HttpTester.parseHeadResponse(answer) : HttpTester.parseResponse(answer);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
