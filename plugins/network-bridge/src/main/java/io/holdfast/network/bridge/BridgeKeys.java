package io.holdfast.network.bridge;

import io.holdfast.spi.config.ConfigKey;
import io.holdfast.spi.config.ConfigKeys;
import io.holdfast.spi.config.InvalidValueException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * The daemon.json keys the bridge network owns: declared here, checked here, handed to {@link LinuxBridgeNetwork}
 * by the engine once they pass. None can change while the bridge runs: its device, addresses and MTU are held by
 * running containers, so each waits for an engine restart.
 */
@Component(property = ConfigKeys.OWNER + "=" + LinuxBridgeNetwork.NAME)
public class BridgeKeys implements ConfigKeys {
    private static final List<ConfigKey> KEYS = List.of(
            ConfigKey.restart("bridge", "a Linux interface name, 1-15 of a-z A-Z 0-9 _ . -",
                    BridgeSettings.DEFAULT_BRIDGE, "the Linux bridge of the bridge network (created if missing, "
                            + "never flushed)"),
            ConfigKey.restart("bip", "an IPv4 address/prefix, prefix 8 to 30, such as 172.30.0.1/16",
                    BridgeSettings.DEFAULT_BIP + ", or taken from default-address-pools",
                    "the bridge's address and prefix: gateway and subnet for container addresses"),
            ConfigKey.restart("mtu", "a whole number from 576 to 65535", Integer.toString(BridgeSettings.DEFAULT_MTU),
                    "MTU of the bridge and the containers' interfaces"),
            ConfigKey.restart(AddressPoolsKey.KEY, "[{\"base\": \"10.10.0.0/16\", \"size\": 24}, ...]", "none",
                    "IPv4 networks cut into /size subnets; without bip the bridge takes the first subnet"));

    /** Looks up what kind of interface a name is; empty when there is none. */
    interface LinkKinds {
        Optional<String> kindOf(String name) throws IOException;
    }

    private final LinkKinds links;

    public BridgeKeys() {
        this(name -> new IpCommands().link(name).map(IpCommands.Link::kind));
    }

    /** For tests: another view of the host's links. */
    BridgeKeys(LinkKinds links) {
        this.links = links;
    }

    @Override
    public String owner() {
        return LinuxBridgeNetwork.NAME;
    }

    @Override
    public List<ConfigKey> keys() {
        return KEYS;
    }

    /** The values, and a {@code bridge} that names another kind of interface refused: it could never be used. */
    @Override
    public Map<String, Object> check(Map<String, Object> values) throws InvalidValueException {
        BridgeSettings settings = BridgeSettings.parse(values);
        Optional<String> kind;
        try {
            kind = links.kindOf(settings.bridge());
        } catch (IOException e) {
            throw new InvalidValueException("bridge", "cannot look up network interface " + settings.bridge() + ": "
                    + e.getMessage());
        }
        if (kind.isPresent() && !kind.get().equals("bridge")) {
            throw new InvalidValueException("bridge", "network interface " + settings.bridge() + " exists but is a "
                    + (kind.get().isEmpty() ? "plain device" : kind.get()) + ", not a bridge");
        }
        return settings.values();
    }
}
