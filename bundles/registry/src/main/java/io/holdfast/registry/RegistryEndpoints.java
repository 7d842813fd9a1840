package io.holdfast.registry;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which scheme and host a registry is reached on: HTTPS with the system trust store, except for registries listed in
 * daemon.json's {@code insecure-registries} ({@code host:port} or a CIDR such as {@code 10.0.0.0/8}) and loopback
 * ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}), which Docker also treats as insecure, reached over plain
 * HTTP. Docker Hub ({@code docker.io}) is {@code registry-1.docker.io}.
 */
public final class RegistryEndpoints {
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}");
    private final List<String> insecureRegistries;

    public RegistryEndpoints(List<String> insecureRegistries) {
        this.insecureRegistries = List.copyOf(insecureRegistries);
        for (String entry : this.insecureRegistries) {
            if (entry.contains("://")) {
                throw new IllegalArgumentException("daemon.json: insecure-registries: \"" + entry
                        + "\" must be host[:port] or a CIDR, without a scheme");
            }
        }
    }

    /** {@code http://host:port} or {@code https://host:port}, to which {@code /v2/...} is appended. */
    public URI baseUri(String domain) {
        String host = domain.equals(RegistryReference.DOCKER_HUB) ? "registry-1.docker.io" : domain;
        return URI.create((isInsecure(domain) ? "http://" : "https://") + host);
    }

    /** Whether {@code domain} is reached over plain HTTP. */
    public boolean isInsecure(String domain) {
        String host = hostOnly(domain);
        if (host.equals("localhost") || host.equals("::1") || host.startsWith("127.") && IPV4.matcher(host).matches()) {
            return true;
        }
        for (String entry : insecureRegistries) {
            if (entry.equals(domain) || entry.equals(host)) {
                return true;
            }
            if (entry.contains("/") && IPV4.matcher(host).matches() && inCidr(host, entry)) {
                return true;
            }
        }
        return false;
    }

    private static String hostOnly(String domain) {
        if (domain.startsWith("[")) {
            return domain.substring(1, domain.indexOf(']'));
        }
        int colon = domain.lastIndexOf(':');
        return colon >= 0 ? domain.substring(0, colon) : domain;
    }

    private static boolean inCidr(String ip, String cidr) {
        String[] parts = cidr.split("/", 2);
        try {
            int prefix = Integer.parseInt(parts[1]);
            if (!IPV4.matcher(parts[0]).matches() || prefix < 0 || prefix > 32) {
                return false;
            }
            long mask = prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
            return (toLong(ip) & mask) == (toLong(parts[0]) & mask);
        } catch (NumberFormatException | UnknownHostException e) {
            return false;
        }
    }

    private static long toLong(String ipv4) throws UnknownHostException {
        long value = 0;
        for (byte b : InetAddress.getByName(ipv4).getAddress()) {
            value = value << 8 | (b & 0xFF);
        }
        return value;
    }
}
