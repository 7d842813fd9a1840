package io.holdfast.cli.engine;

import java.nio.file.Path;

/** Where the daemon listens. Only {@code unix://} sockets: the daemon serves nothing else. */
public record EngineHost(String uri, Path socket) {

    public static final String DEFAULT_URI = "unix:///run/holdfast.sock";
    public static final String ENV_VARIABLE = "HOLDFAST_HOST";

    private static final String UNIX_SCHEME = "unix://";

    /** Parses a host URI; an unsupported scheme or empty path throws IllegalArgumentException. */
    public static EngineHost parse(String uri) {
        if (!uri.startsWith(UNIX_SCHEME) || uri.length() == UNIX_SCHEME.length()) {
            throw new IllegalArgumentException(
                    "invalid host '" + uri + "': only unix:// sockets are supported, e.g. " + DEFAULT_URI);
        }
        return new EngineHost(uri, Path.of(uri.substring(UNIX_SCHEME.length())));
    }

    /** The -H flag wins, then $HOLDFAST_HOST, then the default socket. */
    public static EngineHost select(String flag, String environment) {
        if (flag != null && !flag.isBlank()) {
            return parse(flag.trim());
        }
        if (environment != null && !environment.isBlank()) {
            return parse(environment.trim());
        }
        return parse(DEFAULT_URI);
    }
}
