package io.holdfast.network.bridge;

/**
 * The names of what the bridge creates for a container, derived from its id so that restore can find them again
 * without any state: the network namespace {@code holdfast-<first 12 characters>} (bind-mounted by iproute2 at
 * {@code /run/netns/holdfast-<12>}) and the host end of its veth pair {@code hf<first 11 characters>}, which with
 * 13 characters fits Linux's 15-character limit. The container end is {@code eth0} inside the namespace.
 */
final class NetworkNames {
    static final String NAMESPACE_PREFIX = "holdfast-";
    static final String VETH_PREFIX = "hf";
    static final String NETNS_DIR = "/run/netns/";
    private static final String ID_PATTERN = "[0-9a-f]{12,64}";

    private NetworkNames() {
    }

    /** Whether {@code containerId} can have names: 12 to 64 lowercase hex digits, as the engine's ids are. */
    static boolean valid(String containerId) {
        return containerId != null && containerId.matches(ID_PATTERN);
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

    /** Whether two containers would get the same namespace or host veth (their first 11 characters agree). */
    static boolean clash(String containerId, String otherId) {
        return valid(containerId) && valid(otherId) && !containerId.equals(otherId)
                && containerId.regionMatches(0, otherId, 0, 11);
    }

    /** Whether {@code name} looks like a host veth this bridge made. */
    static boolean isHostVeth(String name) {
        return name.length() == VETH_PREFIX.length() + 11 && name.startsWith(VETH_PREFIX)
                && name.substring(VETH_PREFIX.length()).matches("[0-9a-f]{11}");
    }

    /** Whether {@code name} looks like a namespace this bridge made. */
    static boolean isNamespace(String name) {
        return name.length() == NAMESPACE_PREFIX.length() + 12 && name.startsWith(NAMESPACE_PREFIX)
                && name.substring(NAMESPACE_PREFIX.length()).matches("[0-9a-f]{12}");
    }

    /** Whether namespace {@code namespace} and host veth {@code veth} are named for the same container. */
    static boolean pair(String namespace, String veth) {
        return isNamespace(namespace) && isHostVeth(veth)
                && namespace.substring(NAMESPACE_PREFIX.length()).startsWith(veth.substring(VETH_PREFIX.length()));
    }
}
