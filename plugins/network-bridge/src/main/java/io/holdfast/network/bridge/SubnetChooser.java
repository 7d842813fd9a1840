package io.holdfast.network.bridge;

import java.util.List;
import java.util.Map;

/**
 * Picks a user-defined network's subnet: the first {@code /size} subnet of the {@code default-address-pools}, in
 * order, that overlaps none of the networks already in use (the other networks, the default bridge, every address
 * on the host's interfaces, which covers other engines' bridges). Without pools it cuts /24s from
 * {@link #FALLBACK_BASE}. Pure arithmetic.
 *
 * <pre>{@code Ipv4Network n = SubnetChooser.choose(pools, List.of(Ipv4Network.parse("10.10.0.0/24")));}</pre>
 */
final class SubnetChooser {
    static final String FALLBACK_BASE = "10.210.0.0/16";
    static final int FALLBACK_SIZE = 24;

    private SubnetChooser() {
    }

    /** @throws IllegalStateException when every subnet of every pool is in use */
    static Ipv4Network choose(List<Map<String, Object>> pools, List<Ipv4Network> taken) {
        List<Map<String, Object>> effective = pools.isEmpty()
                ? List.of(Map.of("base", FALLBACK_BASE, "size", FALLBACK_SIZE)) : pools;
        for (Map<String, Object> pool : effective) {
            Ipv4Network base = Ipv4Network.parse((String) pool.get("base")).network();
            int size = (Integer) pool.get("size");
            long count = 1L << (size - base.prefix());
            long step = 1L << (32 - size);
            for (long i = 0; i < count; i++) {
                Ipv4Network candidate = new Ipv4Network(base.address() + i * step, size);
                if (taken.stream().noneMatch(candidate::overlaps)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("could not find an available, non-overlapping IPv4 address pool among the "
                + "defaults to assign to the network (default-address-pools: "
                + (pools.isEmpty() ? FALLBACK_BASE + " size " + FALLBACK_SIZE : pools) + ")");
    }

    /** The gateway/prefix of a chosen subnet: its first host. */
    static String bip(Ipv4Network subnet) {
        return new Ipv4Network(subnet.address() + 1, subnet.prefix()).toString();
    }
}
