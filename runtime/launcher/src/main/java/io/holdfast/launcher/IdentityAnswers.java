package io.holdfast.launcher;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.holdfast.common.docker.EngineIdentity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The whole HTTP answer, head and body, to a {@code /_ping} or {@code /version} request that {@link EarlySocket}
 * answers itself: what the API's {@code SystemAnswers} gives, from the same definition ({@link EngineIdentity}).
 */
final class IdentityAnswers {
    private final Supplier<String> engineVersion;

    /** @param engineVersion the engine's version, asked at each answer */
    IdentityAnswers(Supplier<String> engineVersion) {
        this.engineVersion = engineVersion;
    }

    /** The answer to {@code head}, which is a ping or a version request. */
    byte[] answer(RequestHead head) throws IOException {
        String version = engineVersion.get();
        Map<String, String> headers = new LinkedHashMap<>(EngineIdentity.headers(version));
        byte[] body;
        if (head.isPing()) {
            headers.putAll(EngineIdentity.pingHeaders());
            body = head.method().equals("GET") ? EngineIdentity.PING_BODY.getBytes(StandardCharsets.US_ASCII)
                    : new byte[0];
        } else {
            headers.put("Content-Type", "application/json");
            body = json(EngineIdentity.version(version, System.getProperty("holdfast.commit", "unknown")));
        }
        headers.put("Content-Length", Integer.toString(body.length));
        if (head.connectionClose()) {
            headers.put("Connection", "close");
        }
        StringBuilder text = new StringBuilder(head.http10() ? "HTTP/1.0" : "HTTP/1.1").append(" 200 OK\r\n");
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
        byte[] start = text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        return ByteBuffer.allocate(start.length + body.length).put(start).put(body).array();
    }

    /** A flat document of strings and booleans ({@link EngineIdentity#version}). */
    private static byte[] json(Map<String, Object> document) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = new JsonFactory().createGenerator(bytes)) {
            out.writeStartObject();
            for (Map.Entry<String, Object> field : document.entrySet()) {
                if (field.getValue() instanceof Boolean flag) {
                    out.writeBooleanField(field.getKey(), flag);
                } else {
                    out.writeStringField(field.getKey(), String.valueOf(field.getValue()));
                }
            }
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }
}
