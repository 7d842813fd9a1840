package io.holdfast.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestHeadTest {

    @Test
    void theDockerClientsPingsArePings() {
        RequestHead go = RequestHead.parse("HEAD /_ping HTTP/1.1\r\nHost: api.moby.localhost\r\n"
                + "User-Agent: Docker-Client/28.2.2 (linux)").orElseThrow();
        assertTrue(go.isPing());
        assertFalse(go.connectionClose());
        assertTrue(RequestHead.parse("GET /v1.41/_ping HTTP/1.1\r\nHost: \r\nConnection: keep-alive")
                .orElseThrow().isPing());
        assertTrue(RequestHead.parse("GET /_ping?x=1 HTTP/1.1").orElseThrow().isPing());
    }

    @Test
    void anythingElseIsNotAPing() {
        assertFalse(RequestHead.parse("GET /containers/json HTTP/1.1\r\nHost: x").orElseThrow().isPing());
        assertFalse(RequestHead.parse("POST /_ping HTTP/1.1").orElseThrow().isPing());
        assertFalse(RequestHead.parse("GET /_ping HTTP/1.1\r\nContent-Length: 3").orElseThrow().isPing());
        assertFalse(RequestHead.parse("GET /_ping HTTP/1.1\r\nTransfer-Encoding: chunked").orElseThrow().isPing());
        assertFalse(RequestHead.parse("GET /_pingx HTTP/1.1").orElseThrow().isPing());
        assertFalse(RequestHead.parse("GET /v1.41/x/_ping HTTP/1.1").orElseThrow().isPing());
    }

    @Test
    void whatIsNotPlainHttpIsLeftToJetty() {
        assertTrue(RequestHead.parse("GET /_ping").isEmpty());
        assertTrue(RequestHead.parse("GET /_ping HTTP/2.0").isEmpty());
        assertTrue(RequestHead.parse("GET  /_ping HTTP/1.1").isEmpty());
        assertTrue(RequestHead.parse("GET _ping HTTP/1.1").isEmpty());
        assertTrue(RequestHead.parse("GET /_ping HTTP/1.1\r\nno colon here").isEmpty());
        assertTrue(RequestHead.parse("\u0016\u0003\u0001").isEmpty()); // a TLS hello
    }

    @Test
    void theConnectionIsClosedWhenTheClientAsksOrSpeaksHttp10() {
        assertTrue(RequestHead.parse("GET /_ping HTTP/1.1\r\nConnection: close").orElseThrow().connectionClose());
        assertTrue(RequestHead.parse("GET /_ping HTTP/1.0").orElseThrow().connectionClose());
        assertFalse(RequestHead.parse("GET /_ping HTTP/1.0\r\nConnection: Keep-Alive").orElseThrow()
                .connectionClose());
        assertEquals("/_ping", RequestHead.parse("GET /v2/_ping HTTP/1.0").orElseThrow().path());
    }
}
