package io.holdfast.supervisor.ports;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.network.NetworkAttachment;

/**
 * Whether a container can publish ports on its network: the forwarder needs an address of the container's own
 * namespace, so {@code --network host} (which needs no publishing) and {@code none} (nothing to reach) are refused
 * at create instead of being ignored, as Docker does with a warning on {@code host}. Any network whose attachment
 * reports an {@code IPAddress} works.
 */
public final class PublishedPortChecks {
    private PublishedPortChecks() {
    }

    /** @throws EngineException {@code INVALID} if {@code spec} publishes ports on a network without an address */
    public static void checkNetwork(ContainerSpec spec, NetworkAttachment attachment) {
        if (spec.ports().toPublish().isEmpty()) {
            return;
        }
        if (attachment != null && attachment.sharesHost()) {
            throw new EngineException(Kind.INVALID, "published ports (-p, -P) cannot be used with --network "
                    + spec.networkMode() + ": the container shares the host's network, so its ports are the host's "
                    + "already");
        }
        if (address(attachment).isEmpty()) {
            throw new EngineException(Kind.INVALID, "published ports (-p, -P) need a network that gives the "
                    + "container an address; --network " + spec.networkMode() + " gives none");
        }
    }

    static String containerIp(ContainerRecord record) {
        String ip = address(record.network());
        if (ip.isEmpty()) {
            throw new EngineException(Kind.FAILED, "container " + record.shortId() + " has no address on network "
                    + record.spec().networkMode() + " to publish its ports to");
        }
        return ip;
    }

    private static String address(NetworkAttachment attachment) {
        return attachment == null ? "" : attachment.settings().getOrDefault("IPAddress", "");
    }
}
