package io.holdfast.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.eclipse.jetty.http.HttpTester;

/**
 * Every route, with fuzzed path parameters, query parameters and bodies, against {@link FuzzEngine}: the answer is
 * never a 5xx and always comes; a 4xx carries a message; a request answered 4xx changed nothing in the engine.
 * The number of tries is {@code jqwik.tries.default} (src/test/resources/junit-platform.properties keeps CI quick;
 * {@code -Djqwik.tries.default=100000} runs a long fuzz).
 */
class ApiRoutesFuzzTest {
    private static final EngineVersion VERSION = new EngineVersion("0.1.0", "engine-fuzz");
    private static FuzzEngine engine;
    private static LocalServer server;

    @BeforeContainer
    static void start() throws Exception {
        engine = new FuzzEngine();
        server = new LocalServer(new EngineApi(RouteTable.of(VERSION, engine)));
    }

    @AfterContainer
    static void stop() throws Exception {
        server.close();
    }

    @Property(edgeCases = EdgeCasesMode.NONE) // the inputs list their own edge cases; jqwik's combined ones are slow
    void everyRouteAnswersEveryInputWithoutA5xxOrAHang(@ForAll("requests") FuzzRequest request) throws Exception {
        List<String> before = engine.changes();
        HttpTester.Response answer = server.send(request.bytes(), request.method().equals("HEAD"));
        assertNotNull(answer, "no answer within the timeout to " + request);
        int status = answer.getStatus();
        boolean notInSwarm = status == 503 && request.target().matches("/swarm($|[/?].*)"); // Docker's answer
        assertTrue(status < 500 || notInSwarm, request + " answered " + status + ": " + answer.getContent());
        String type = answer.get("Content-Type");
        if (status >= 400 && (type == null || !type.startsWith("application/json"))) {
            // refused by Jetty before any handler ran (an ambiguous URI such as /containers/%2e%2e/json): the
            // engine's sockets answer those in JSON (bundles/api JsonErrorHandler, RequestLimitsTest)
            assertEquals(400, status, request + " refused by Jetty: " + answer.getContent());
            assertEquals(before, engine.changes());
            return;
        }
        if (status >= 400 && !request.method().equals("HEAD")) { // a HEAD answer has no body to carry one
            JsonNode body = ApiExchange.JSON.readTree(answer.getContent());
            assertTrue(body.path("message").isTextual() && !body.path("message").asText().isBlank(),
                    request + " answered " + status + " without a message: " + answer.getContent());
        }
        if (status >= 400) {
            assertEquals(before, engine.changes(), request + " was refused (" + status + ") but changed the engine");
        }
    }

    @Provide
    Arbitrary<FuzzRequest> requests() {
        return Combinators.combine(FuzzInputs.routes(), FuzzInputs.pathParams(), FuzzInputs.pathParams(),
                FuzzInputs.queries(), FuzzInputs.bodies()).as(FuzzRequest::of);
    }

    /** One request, as the bytes a client sends. */
    record FuzzRequest(String method, String target, byte[] body) {
        static FuzzRequest of(String route, String first, String second, String query, byte[] body) {
            int space = route.indexOf(' ');
            String path = route.substring(space + 1).replaceFirst("\\{[a-z*]+}", Matcher.quoteReplacement(first))
                    .replaceFirst("\\{[a-z*]+}", Matcher.quoteReplacement(second));
            return new FuzzRequest(route.substring(0, space), path + query, body);
        }

        ByteBuffer bytes() {
            String head = method + " " + target + " HTTP/1.1\r\nHost: local\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
            return ByteBuffer.allocate(headBytes.length + body.length).put(headBytes).put(body).flip();
        }

        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return method + " " + target + " body " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

}
