package io.holdfast.network.bridge;

import io.holdfast.spi.config.ComponentConfig;
import io.holdfast.spi.config.ConfigKeys;
import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.config.InvalidValueException;
import io.holdfast.spi.network.NetworkBridge;
import io.holdfast.spi.network.NetworkInfo;
import io.holdfast.spi.network.NetworkRequest;
import io.holdfast.spi.network.UserNetworks;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The user-defined networks: loads their records at activation, makes sure each one's Linux bridge exists (an
 * existing one is kept as it is, ports and all, see {@link BridgeDevice}) and registers a {@link NetworkBridge}
 * under each network's name, so the engine attaches and restores their containers like the default bridge's.
 * Deactivation only unregisters: bridges, veths, namespaces and leases stay, and the containers keep their network.
 *
 * <p>Creating takes the subnet from {@code default-address-pools} ({@link SubnetChooser}) unless one is given.
 * Every method is serialised on the registry and blocks on {@code ip} and disk I/O.
 */
@Component(service = UserNetworks.class, immediate = true)
public class UserNetworkRegistry implements UserNetworks {
    private static final Logger LOG = Logger.getLogger(UserNetworkRegistry.class.getName());
    static final String BRIDGE_NAME_OPTION = "com.docker.network.bridge.name";
    static final String BRIDGE_PREFIX = "hfbr";

    /** Dynamic: a reload replaces the configuration service without taking the networks' services away. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DaemonConfig config;
    /**
     * The bridge network's keys: default-address-pools, mtu, and the default bridge's bip to stay clear of. All wait
     * for a restart, so they are read once, at activation.
     */
    @Reference(target = "(" + ConfigKeys.OWNER + "=" + LinuxBridgeNetwork.NAME + ")",
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentConfig bridgeConfig;

    private final IpCommands ip = new IpCommands();
    private final Map<String, Served> networks = new TreeMap<>();
    private BridgeSettings settings;
    private UserNetworkFiles files;
    private BundleContext context;

    /** A network's bridge and its service registration. */
    private record Served(UserBridgeNetwork bridge, ServiceRegistration<NetworkBridge> registration) {
    }

    @Activate
    synchronized void activate(BundleContext bundleContext) throws IOException, InvalidValueException {
        context = bundleContext;
        settings = BridgeSettings.parse(bridgeConfig.values());
        files = new UserNetworkFiles(Path.of(config.dataRoot()));
        for (UserNetworkRecord record : files.load()) {
            try {
                serve(record);
            } catch (IOException | RuntimeException e) {
                LOG.warning(() -> "user network " + record.name() + " (" + record.id() + ") cannot be served: "
                        + e.getMessage());
            }
        }
        LOG.info(() -> networks.size() + " user-defined network(s): " + networks.keySet());
    }

    @Deactivate
    synchronized void deactivate() {
        networks.values().forEach(served -> served.registration().unregister());
        networks.clear();
    }

    @Override
    public synchronized NetworkInfo create(NetworkRequest request) throws IOException {
        NetworkRequestCheck.check(request);
        if (networks.containsKey(request.name())) {
            throw new IllegalStateException("network with name " + request.name() + " already exists");
        }
        String id = NetworkIds.newId();
        String bridge = request.options().getOrDefault(BRIDGE_NAME_OPTION, BRIDGE_PREFIX + id.substring(0, 11));
        if (!bridge.matches("[a-zA-Z0-9_.-]{1,15}")) {
            throw new IllegalArgumentException("option " + BRIDGE_NAME_OPTION + ": \"" + bridge
                    + "\" is not a valid interface name (1-15 of a-z A-Z 0-9 _ . -)");
        }
        if (ip.link(bridge).isPresent()) {
            throw new IllegalStateException("network interface " + bridge + " already exists; choose another "
                    + BRIDGE_NAME_OPTION);
        }
        List<Ipv4Network> taken = taken();
        String bip = bip(request, taken);
        UserNetworkRecord record = new UserNetworkRecord(id, request.name(), bridge, bip, settings.mtu(),
                request.internal(), request.labels(), request.options(), Instant.now().toString());
        files.save(record);
        try {
            serve(record);
        } catch (IOException | RuntimeException e) {
            try {
                ip.deleteLinkIfPresent(bridge);
                files.delete(record);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        LOG.info(() -> "created network " + record.name() + " on " + bridge + " (" + record.subnet() + ")");
        return info(networks.get(record.name()).bridge());
    }

    @Override
    public synchronized List<NetworkInfo> list() {
        return networks.values().stream().map(served -> info(served.bridge())).toList();
    }

    @Override
    public synchronized Optional<NetworkInfo> find(String ref) {
        return served(ref).map(served -> info(served.bridge()));
    }

    @Override
    public synchronized void remove(String ref) throws IOException {
        Served served = served(ref).orElseThrow(() -> new java.util.NoSuchElementException("network " + ref
                + " not found"));
        UserNetworkRecord record = served.bridge().record();
        if (!served.bridge().retireIfUnused()) {
            throw new IllegalStateException("error while removing network: network " + record.name() + " id "
                    + record.id() + " has active endpoints");
        }
        networks.remove(record.name());
        served.registration().unregister();
        // the bridge first: a crash before the record is deleted leaves a record whose bridge the next start makes
        ip.deleteLinkIfPresent(record.bridge());
        files.delete(record);
        LOG.info(() -> "removed network " + record.name() + " and bridge " + record.bridge());
    }

    private void serve(UserNetworkRecord record) throws IOException {
        Subnet subnet = record.subnet();
        new BridgeDevice(ip, record.bridge(), subnet, record.mtu()).ensure();
        AddressPool pool = AddressPool.open(subnet, files.leases(record));
        UserBridgeNetwork bridge = new UserBridgeNetwork(record, ip, pool);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(NetworkBridge.NAME, record.name());
        networks.put(record.name(), new Served(bridge, context.registerService(NetworkBridge.class, bridge,
                properties)));
    }

    /** By name, full id, or unique id prefix. */
    private Optional<Served> served(String ref) {
        Served byName = networks.get(ref);
        if (byName != null) {
            return Optional.of(byName);
        }
        List<Served> byId = networks.values().stream()
                .filter(s -> !ref.isEmpty() && s.bridge().record().id().startsWith(ref)).toList();
        if (byId.size() > 1) {
            throw new IllegalArgumentException("network " + ref + " is ambiguous (" + byId.size() + " matches found)");
        }
        return byId.stream().findFirst();
    }

    /** The subnets that a new network must not overlap. */
    private List<Ipv4Network> taken() throws IOException {
        List<Ipv4Network> taken = new ArrayList<>();
        taken.add(Ipv4Network.parse(settings.bip()).network());
        networks.values().forEach(s -> taken.add(Ipv4Network.parse(s.bridge().record().bip()).network()));
        for (String address : ip.allIpv4Addresses()) {
            Ipv4Network network = Ipv4Network.parse(address);
            if (network != null) {
                taken.add(network.network());
            }
        }
        return taken;
    }

    private String bip(NetworkRequest request, List<Ipv4Network> taken) {
        if (request.subnet().isEmpty()) {
            return SubnetChooser.bip(SubnetChooser.choose(settings.pools(), taken));
        }
        Ipv4Network subnet = Ipv4Network.parse(request.subnet());
        if (subnet == null || !subnet.isNetworkAddress() || subnet.prefix() < 8 || subnet.prefix() > 30) {
            throw new IllegalArgumentException("invalid subnet \"" + request.subnet() + "\": expected an IPv4 network "
                    + "address with a prefix length from 8 to 30, such as 10.77.0.0/24");
        }
        for (Ipv4Network other : taken) {
            if (other.overlaps(subnet)) {
                throw new IllegalStateException("Pool overlaps with other one on this address space: " + subnet
                        + " overlaps " + other + ", which is in use on this host");
            }
        }
        String bip = request.gateway().isEmpty() ? SubnetChooser.bip(subnet) : request.gateway() + "/"
                + subnet.prefix();
        Subnet parsed;
        try {
            parsed = Subnet.parse(bip);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid gateway \"" + request.gateway() + "\": " + e.getMessage());
        }
        if (parsed.network() != (int) subnet.address()) {
            throw new IllegalArgumentException("gateway " + request.gateway() + " is not in subnet " + subnet);
        }
        return bip;
    }

    private static NetworkInfo info(UserBridgeNetwork bridge) {
        UserNetworkRecord r = bridge.record();
        Map<String, String> containers = new LinkedHashMap<>();
        bridge.pool().leases().entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(lease -> containers.put(lease.getKey(), Ipv4.format(lease.getValue())));
        Subnet subnet = r.subnet();
        return new NetworkInfo(r.id(), r.name(), "bridge", r.bridge(), subnet.toString(),
                Ipv4.format(subnet.gateway()), r.internal(), r.labels(), r.options(), Instant.parse(r.created()),
                containers);
    }
}
