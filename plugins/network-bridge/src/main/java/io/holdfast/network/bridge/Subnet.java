package io.holdfast.network.bridge;

/**
 * The bridge's subnet as the daemon's {@code bip} gives it: the gateway (the bridge's own address) and the prefix
 * length, e.g. {@code 172.30.0.1/16} is gateway {@code 172.30.0.1} in {@code 172.30.0.0/16}. Containers get the
 * subnet's other host addresses: never the network address, the broadcast address or the gateway. Pure arithmetic.
 *
 * @param network      the network address (host bits zero)
 * @param prefixLength from 8 to 30, so there are at least two host addresses
 * @param gateway      the bridge's address, a host address of the subnet
 */
record Subnet(int network, int prefixLength, int gateway) {

    Subnet {
        if (prefixLength < 8 || prefixLength > 30) {
            throw new IllegalArgumentException("prefix length must be from 8 to 30, found " + prefixLength);
        }
        if ((network & ~Ipv4.mask(prefixLength)) != 0) {
            throw new IllegalArgumentException(Ipv4.format(network) + " has host bits set for /" + prefixLength);
        }
    }

    /** Parses {@code bip}: {@code <gateway>/<prefix length>}; the gateway must be neither network nor broadcast. */
    static Subnet parse(String bip) {
        int slash = bip == null ? -1 : bip.indexOf('/');
        if (slash < 0 || !bip.substring(slash + 1).matches("\\d{1,2}")) {
            throw new IllegalArgumentException("bip must look like 172.30.0.1/16, found \"" + bip + "\"");
        }
        int gateway = Ipv4.parse(bip.substring(0, slash));
        int prefixLength = Integer.parseInt(bip.substring(slash + 1));
        if (prefixLength < 8 || prefixLength > 30) {
            throw new IllegalArgumentException("bip \"" + bip + "\": prefix length must be from 8 to 30");
        }
        Subnet subnet = new Subnet(gateway & Ipv4.mask(prefixLength), prefixLength, gateway);
        if (gateway == subnet.network() || gateway == subnet.broadcast()) {
            throw new IllegalArgumentException("bip \"" + bip + "\": the bridge's address must be a host address, "
                    + "not the network or broadcast address of " + subnet);
        }
        return subnet;
    }

    /** The last address of the subnet. */
    int broadcast() {
        return network | ~Ipv4.mask(prefixLength);
    }

    /** The lowest host address. */
    int firstHost() {
        return network + 1;
    }

    /** The highest host address. */
    int lastHost() {
        return broadcast() - 1;
    }

    /** Whether {@code address} lies in the subnet (network and broadcast included). */
    boolean contains(int address) {
        return (address & Ipv4.mask(prefixLength)) == network;
    }

    /** Whether a container may have {@code address}: a host address of the subnet other than the gateway. */
    boolean assignable(int address) {
        return contains(address) && address != network && address != broadcast() && address != gateway;
    }

    /** How many addresses containers can have: all host addresses less the gateway. */
    long assignableCount() {
        return (1L << (32 - prefixLength)) - 3;
    }

    /** The container's interface address with the prefix, e.g. {@code 172.30.0.5/16}. */
    String cidr(int address) {
        return Ipv4.format(address) + "/" + prefixLength;
    }

    /** The bridge's own address with the prefix, i.e. {@code bip} normalised. */
    String gatewayCidr() {
        return cidr(gateway);
    }

    /** The network in CIDR notation, e.g. {@code 172.30.0.0/16}. */
    @Override
    public String toString() {
        return Ipv4.format(network) + "/" + prefixLength;
    }
}
