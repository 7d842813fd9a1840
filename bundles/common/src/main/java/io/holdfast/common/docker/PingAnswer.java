package io.holdfast.common.docker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the engine says about itself to a Docker client: the headers every answer carries, and {@code /_ping}'s
 * answer. Shared by the API bundle and by the launcher, which answers {@code /_ping} on a socket a service manager
 * handed over before the API bundle runs; both must say the same.
 */
public final class PingAnswer {
    /** The Engine API version spoken; clients negotiate down to it from the {@code Api-Version} header. */
    public static final String API_VERSION = "1.41";
    public static final String MIN_API_VERSION = "1.24";
    public static final String BODY = "OK";

    private PingAnswer() {
    }

    /** The headers on every answer, in order: what Docker clients negotiate with. */
    public static Map<String, String> identityHeaders(String engineVersion) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Api-Version", API_VERSION);
        headers.put("Ostype", "linux");
        headers.put("Server", "Holdfast/" + engineVersion);
        return headers;
    }

    /**
     * {@code /_ping}'s own headers besides the identity ones: as moby's, no cache may keep it (clients poll it to see
     * the engine come back).
     */
    public static Map<String, String> pingHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/plain; charset=utf-8");
        headers.put("Cache-Control", "no-cache, no-store, must-revalidate");
        headers.put("Pragma", "no-cache");
        return headers;
    }
}
