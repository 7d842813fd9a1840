package io.holdfast.metrics;

import io.holdfast.spi.config.InvalidValueException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the metrics are served ({@code metrics-addr}): a loopback TCP port, {@code 127.0.0.1:9323} or
 * {@code [::1]:9323}, or a Unix socket, {@code unix:///run/holdfast-metrics.sock}. Nothing else: the metrics tell
 * what runs on the host, so they are never offered to the network.
 *
 * <pre>{@code
 * MetricsAddress address = MetricsAddress.parse("127.0.0.1:9323");   // host 127.0.0.1, port 9323
 * }</pre>
 */
record MetricsAddress(String host, int port, Path socket) {
    static final String KEY = "metrics-addr";
    static final String FORMAT = "127.0.0.1:PORT, [::1]:PORT or unix:///ABSOLUTE/PATH";
    private static final Pattern LOOPBACK = Pattern.compile("(127\\.0\\.0\\.1|\\[::1\\]):([0-9]{1,5})");
    /** What a Unix socket's path may hold (sun_path is 108 bytes with its terminating zero). */
    private static final int SOCKET_PATH_MAX = 107;

    static MetricsAddress parse(String value) throws InvalidValueException {
        if (value.startsWith("unix://")) {
            String path = value.substring("unix://".length());
            if (!path.startsWith("/") || path.length() == 1) {
                throw new InvalidValueException(KEY, "expected " + FORMAT + ", found \"" + value
                        + "\": a Unix socket needs an absolute path");
            }
            if (path.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > SOCKET_PATH_MAX) {
                throw new InvalidValueException(KEY, "the socket path of \"" + value + "\" is longer than "
                        + SOCKET_PATH_MAX + " bytes, which a Unix socket cannot bind");
            }
            return new MetricsAddress(null, 0, Path.of(path));
        }
        Matcher loopback = LOOPBACK.matcher(value);
        if (!loopback.matches()) {
            throw new InvalidValueException(KEY, "expected " + FORMAT + ", found \"" + value + "\": the metrics are"
                    + " served on loopback or a Unix socket only");
        }
        int port = Integer.parseInt(loopback.group(2));
        if (port < 1 || port > 65535) {
            throw new InvalidValueException(KEY, "expected a port from 1 to 65535 in \"" + value + "\", found "
                    + port);
        }
        String host = loopback.group(1);
        return new MetricsAddress(host.startsWith("[") ? "::1" : host, port, null);
    }

    boolean isUnix() {
        return socket != null;
    }

    @Override
    public String toString() {
        return isUnix() ? "unix://" + socket : (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
