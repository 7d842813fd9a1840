package io.holdfast.common.docker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the engine says about itself to a Docker client, needing no container: the headers every answer carries,
 * {@code /_ping}'s answer and {@code /version}'s document. Shared by the API bundle and by the launcher, which
 * answers both on a socket a service manager handed over before the API bundle runs; both must say the same.
 */
public final class EngineIdentity {
    /** The Engine API version spoken; clients negotiate down to it from the {@code Api-Version} header. */
    public static final String API_VERSION = "1.41";
    public static final String MIN_API_VERSION = "1.24";
    public static final String PING_BODY = "OK";

    private EngineIdentity() {
    }

    /** The headers on every answer, in order: what Docker clients negotiate with. */
    public static Map<String, String> headers(String engineVersion) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Api-Version", API_VERSION);
        headers.put("Ostype", "linux");
        headers.put("Server", "Holdfast/" + engineVersion);
        return headers;
    }

    /**
     * {@code /_ping}'s own headers besides those: as moby's, no cache may keep it (clients poll it to see the engine
     * come back).
     */
    public static Map<String, String> pingHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/plain; charset=utf-8");
        headers.put("Cache-Control", "no-cache, no-store, must-revalidate");
        headers.put("Pragma", "no-cache");
        return headers;
    }

    /**
     * {@code GET /version}'s document (moby's {@code types.Version}, read back by the CLI as {@code SystemVersion}),
     * its fields in order; values are strings and booleans. Holdfast is no Go program: {@code GoVersion} is absent
     * and {@code JavaVersion} says what runs the engine instead.
     */
    public static Map<String, Object> version(String engineVersion, String commit) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", engineVersion);
        document.put("ApiVersion", API_VERSION);
        document.put("MinAPIVersion", MIN_API_VERSION);
        document.put("GitCommit", commit);
        document.put("Os", "linux");
        document.put("Arch", architecture());
        document.put("KernelVersion", System.getProperty("os.version"));
        document.put("BuildTime", "");
        document.put("Experimental", false);
        document.put("JavaVersion", System.getProperty("java.version"));
        return document;
    }

    /** Go's name for this machine's architecture, as Docker reports it. */
    public static String architecture() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> arch;
        };
    }
}
