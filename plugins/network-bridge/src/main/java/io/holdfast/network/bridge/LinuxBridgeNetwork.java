package io.holdfast.network.bridge;

import io.holdfast.spi.config.ComponentConfig;
import io.holdfast.spi.config.ConfigKeys;
import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.config.InvalidValueException;
import io.holdfast.spi.network.NetworkAttachment;
import io.holdfast.spi.network.NetworkBridge;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Docker's default {@code bridge} network on a Linux bridge ({@code bridge} in daemon.json, default
 * {@code holdfast0}, with the {@code bip} address; {@link BridgeKeys} declares and checks these keys). Each container gets a named network namespace
 * {@code /run/netns/holdfast-<12>} that the runtime joins, with {@code eth0} (one end of a veth pair whose other end
 * {@code hf<11>} is a bridge port), an address leased from the {@code bip} subnet and a default route via the bridge.
 * Containers reach each other and the host; forwarding and NAT to the outside are not set up.
 *
 * <p>Everything lives in the kernel and in {@code <data-root>/network/bridge/<bridge>/leases.json}, so running
 * containers keep their network while the engine is down; activation and {@link #restore} never flush or rebuild.
 * Every method blocks on {@code ip} runs (each at most {@link IpCommands#TIMEOUT}) and on writing the lease file.
 * Needs root and iproute2's {@code ip}.
 */
@Component(property = NetworkBridge.NAME + "=bridge")
public class LinuxBridgeNetwork implements NetworkBridge {
    private static final Logger LOG = Logger.getLogger(LinuxBridgeNetwork.class.getName());
    static final String NAME = "bridge";

    /** Dynamic: a reload replaces the configuration service without restarting this component. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DaemonConfig config;
    /** This network's own keys, checked by {@link BridgeKeys}; all of them wait for a restart, so read once. */
    @Reference(target = "(" + ConfigKeys.OWNER + "=" + NAME + ")", policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentConfig ownConfig;

    private BridgeSettings settings;
    private String bridge;
    private AddressPool pool;
    private BridgeEndpoints endpoints;

    /** For Declarative Services, which then calls {@link #activate()}. */
    public LinuxBridgeNetwork() {
    }

    /** A network activated at once with {@code config} and its own keys; for tests, which run without OSGi. */
    LinuxBridgeNetwork(DaemonConfig config, ComponentConfig ownConfig) throws IOException, InvalidValueException {
        this.config = config;
        this.ownConfig = ownConfig;
        activate();
    }

    /** Loads the leases and makes sure the bridge exists, is up and has the gateway address. */
    @Activate
    void activate() throws IOException, InvalidValueException {
        IpCommands ip = new IpCommands();
        settings = BridgeSettings.parse(ownConfig.values());
        Subnet subnet = Subnet.parse(settings.bip());
        bridge = settings.bridge();
        pool = AddressPool.open(subnet, LeaseFile.under(Path.of(config.dataRoot()), bridge));
        new BridgeDevice(ip, bridge, subnet, settings.mtu()).ensure();
        endpoints = new BridgeEndpoints(NAME, ip, bridge, pool, new Sandboxes(ip, bridge, subnet, settings.mtu()),
                new ConnectedInterfaces(ip, bridge, subnet, settings.mtu()), Map.of());
        LOG.info(() -> "bridge network on " + bridge + " (" + subnet + ", gateway " + Ipv4.format(subnet.gateway())
                + "), " + pool.leases().size() + " lease(s)");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** What a container's plumbing depends on; a container created under other values is not adopted silently. */
    @Override
    public Map<String, String> settings() {
        Subnet subnet = pool.subnet();
        return Map.of("bridge", bridge, "subnet", subnet.toString(), "gateway", Ipv4.format(subnet.gateway()),
                "mtu", Integer.toString(settings.mtu()));
    }

    /** See {@link BridgeEndpoints#attach}. */
    @Override
    public NetworkAttachment attach(String containerId) throws IOException {
        return endpoints.attach(containerId);
    }

    /** See {@link BridgeEndpoints#attach(String, String)}. */
    @Override
    public NetworkAttachment attach(String containerId, String ipv4Address) throws IOException {
        return endpoints.attach(containerId, ipv4Address);
    }

    /** See {@link BridgeEndpoints#connect}. */
    @Override
    public NetworkAttachment connect(String containerId, String namespacePath, String ipv4Address)
            throws IOException {
        return endpoints.connect(containerId, namespacePath, ipv4Address);
    }

    /** See {@link BridgeEndpoints#disconnect}. */
    @Override
    public void disconnect(String containerId) throws IOException {
        endpoints.disconnect(containerId);
    }

    /** See {@link BridgeEndpoints#detach}. */
    @Override
    public void detach(String containerId) throws IOException {
        endpoints.detach(containerId);
    }

    /** See {@link RestoreSweep}. */
    @Override
    public void restore(Map<String, NetworkAttachment> attachments) throws IOException {
        endpoints.restore(attachments);
    }
}
