package io.holdfast.network.bridge;

import java.util.regex.Pattern;

/**
 * The names of what the bridge creates for a container, derived from its id so that restore can find them again
 * without any state: the network namespace {@code holdfast-<first 12 characters>} (bind-mounted by iproute2 at
 * {@code /run/netns/holdfast-<12>}) and the host end of its veth pair {@code hf<first 11 characters>}, which with
 * 13 characters fits Linux's 15-character limit. The container end is {@code eth0} inside the namespace.
 */
final class NetworkNames {
    static final String NAMESPACE_PREFIX = "holdfast-";
    static final String VETH_PREFIX = "hf";
    /** Host veths of connected containers (further networks): another prefix, so no sweep mistakes one kind for the other. */
    static final String CONNECTED_VETH_PREFIX = "hc";
    private static final int CONNECTED_HASH_LENGTH = 13;
    static final String NETNS_DIR = "/run/netns/";
    // compiled once: a restore checks every kept container's names
    private static final Pattern ID = Pattern.compile("[0-9a-f]{12,64}");
    private static final Pattern HEX_11 = Pattern.compile("[0-9a-f]{11}");
    private static final Pattern HEX_12 = Pattern.compile("[0-9a-f]{12}");
    private static final Pattern HEX_13 = Pattern.compile("[0-9a-f]{13}");
    private static final Pattern NAMESPACE_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private NetworkNames() {
    }

    /** Whether {@code containerId} can have names: 12 to 64 lowercase hex digits, as the engine's ids are. */
    static boolean valid(String containerId) {
        return containerId != null && ID.matcher(containerId).matches();
    }

    /** Fails for an id that {@link #valid} rejects, naming it. */
    static void check(String containerId) {
        if (!valid(containerId)) {
            throw new IllegalArgumentException("container id \"" + containerId
                    + "\" is not 12 to 64 lowercase hex digits");
        }
    }

    /** {@code holdfast-<first 12 characters of the id>}. */
    static String namespace(String containerId) {
        check(containerId);
        return NAMESPACE_PREFIX + containerId.substring(0, 12);
    }

    /** Where iproute2 mounts the namespace: what runc joins and Docker calls {@code SandboxKey}. */
    static String namespacePath(String containerId) {
        return NETNS_DIR + namespace(containerId);
    }

    /** {@code hf<first 11 characters of the id>}. */
    static String hostVeth(String containerId) {
        check(containerId);
        return VETH_PREFIX + containerId.substring(0, 11);
    }

    /**
     * The host end of the veth that connects container {@code containerId} to the network of Linux bridge
     * {@code bridge} as a further network: {@code hc} and the first 13 hex digits of SHA-256 over the full id and the
     * bridge's name (15 characters, Linux's limit). A container's connected veths differ per network, and two
     * containers clash only if 52 bits of their hashes agree (where {@code hf<11>} clashes on 11 hex digits of the id
     * alone); ids are random, so that is never expected, and a clash would make the connect fail ("File exists"),
     * never take another's veth. Like the other names it is derived, so a restore finds it without state.
     */
    static String connectedVeth(String containerId, String bridge) {
        check(containerId);
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                    (containerId + "/" + bridge).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return CONNECTED_VETH_PREFIX + java.util.HexFormat.of().formatHex(digest).substring(0,
                    CONNECTED_HASH_LENGTH);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Whether {@code name} looks like a connected container's host veth ({@link #connectedVeth}). */
    static boolean isConnectedVeth(String name) {
        return name.length() == CONNECTED_VETH_PREFIX.length() + CONNECTED_HASH_LENGTH
                && name.startsWith(CONNECTED_VETH_PREFIX)
                && HEX_13.matcher(name).region(CONNECTED_VETH_PREFIX.length(), name.length()).matches();
    }

    /** The namespace's name in {@code path} if it is one iproute2 mounted ({@code /run/netns/NAME}), else empty. */
    static java.util.Optional<String> namespaceAt(String path) {
        if (path == null || !path.startsWith(NETNS_DIR)) {
            return java.util.Optional.empty();
        }
        String name = path.substring(NETNS_DIR.length());
        return NAMESPACE_NAME.matcher(name).matches() ? java.util.Optional.of(name) : java.util.Optional.empty();
    }

    /** Whether two containers would get the same namespace or host veth (their first 11 characters agree). */
    static boolean clash(String containerId, String otherId) {
        return valid(containerId) && valid(otherId) && !containerId.equals(otherId)
                && containerId.regionMatches(0, otherId, 0, 11);
    }

    /** Whether {@code name} looks like a host veth this bridge made. */
    static boolean isHostVeth(String name) {
        return name.length() == VETH_PREFIX.length() + 11 && name.startsWith(VETH_PREFIX)
                && HEX_11.matcher(name).region(VETH_PREFIX.length(), name.length()).matches();
    }

    /** Whether {@code name} looks like a namespace this bridge made. */
    static boolean isNamespace(String name) {
        return name.length() == NAMESPACE_PREFIX.length() + 12 && name.startsWith(NAMESPACE_PREFIX)
                && HEX_12.matcher(name).region(NAMESPACE_PREFIX.length(), name.length()).matches();
    }

    /** Whether namespace {@code namespace} and host veth {@code veth} are named for the same container. */
    static boolean pair(String namespace, String veth) {
        return isNamespace(namespace) && isHostVeth(veth)
                && namespace.substring(NAMESPACE_PREFIX.length()).startsWith(veth.substring(VETH_PREFIX.length()));
    }
}
