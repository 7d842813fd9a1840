package io.holdfast.spi.config;

/**
 * One entry of Docker's {@code default-address-pools}: a range of IPv4 addresses cut into subnets of {@code size}
 * prefix bits. Holdfast has one network that needs a subnet, {@code bridge}: when {@code bip} is not set, the bridge
 * takes the first subnet of the first pool, with the first host address as its own (the gateway), as Docker does for
 * its default bridge.
 *
 * <pre>{@code
 * AddressPool pool = new AddressPool("10.10.0.0/16", 24);  // subnets 10.10.0.0/24, 10.10.1.0/24, ...
 * // bridge address when bip is unset: 10.10.0.1/24
 * }</pre>
 *
 * Plain data, validated by the config bundle before it is published: {@code base} is a network address in CIDR
 * notation with its host bits zero, and {@code size} lies between the base's prefix length and 30.
 *
 * @param base the pool's network, e.g. {@code 10.10.0.0/16}
 * @param size the prefix length of each subnet cut from the pool, e.g. {@code 24}
 */
public record AddressPool(String base, int size) {
}
