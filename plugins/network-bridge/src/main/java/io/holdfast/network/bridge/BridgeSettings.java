package io.holdfast.network.bridge;

import io.holdfast.spi.config.InvalidValueException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bridge network's own daemon.json keys, typed: the values {@link BridgeKeys} checks and the ones
 * {@link LinuxBridgeNetwork} runs with. Parsing its own {@link #values()} gives the same settings back, so the checked
 * values the engine hands over parse without surprises.
 *
 * <pre>{@code
 * BridgeSettings s = BridgeSettings.parse(Map.of("bip", "10.200.0.1/24"));   // bridge holdfast0, mtu 1500
 * }</pre>
 *
 * @param bridge the Linux bridge's name ({@code bridge})
 * @param bip    the bridge's address and prefix, e.g. {@code 172.30.0.1/16}: gateway and subnet. The effective value:
 *               {@code bip} when set, else the first subnet of the first pool, else {@code 172.30.0.1/16}
 * @param mtu    the MTU of the bridge and the containers' interfaces ({@code mtu})
 * @param pools  {@code default-address-pools}, each {@code {"base": "10.10.0.0/16", "size": 24}}
 */
record BridgeSettings(String bridge, String bip, int mtu, List<Map<String, Object>> pools) {
    static final String DEFAULT_BRIDGE = "holdfast0";
    static final String DEFAULT_BIP = "172.30.0.1/16";
    static final int DEFAULT_MTU = 1500;

    BridgeSettings {
        pools = List.copyOf(pools);
    }

    /** Checks the keys daemon.json sets (absent ones take their defaults). */
    static BridgeSettings parse(Map<String, Object> values) throws InvalidValueException {
        String bridge = bridgeName(values.getOrDefault("bridge", DEFAULT_BRIDGE));
        List<Map<String, Object>> pools = AddressPoolsKey.read(values.get(AddressPoolsKey.KEY));
        // bip wins; without it the pools give the bridge its subnet, as they do for Docker's default bridge
        String bip = values.containsKey("bip") || pools.isEmpty() ? cidr(values.getOrDefault("bip", DEFAULT_BIP))
                : AddressPoolsKey.bridgeAddress(pools.get(0));
        return new BridgeSettings(bridge, bip, mtu(values.getOrDefault("mtu", DEFAULT_MTU)), pools);
    }

    /** Every key with its value, as the engine hands them back ({@code ComponentConfig}). */
    Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("bridge", bridge);
        values.put("bip", bip);
        values.put("mtu", mtu);
        values.put(AddressPoolsKey.KEY, pools);
        return values;
    }

    /** Linux interface names: at most 15 characters, no slash or space. */
    private static String bridgeName(Object value) throws InvalidValueException {
        if (!(value instanceof String name) || !name.matches("[a-zA-Z0-9_.-]{1,15}")) {
            throw new InvalidValueException("bridge", JsonText.of(value)
                    + " is not a valid interface name (1-15 of a-z A-Z 0-9 _ . -)");
        }
        return name;
    }

    /** Docker's {@code bip}: the bridge's own IPv4 address with the subnet's prefix length. */
    private static String cidr(Object value) throws InvalidValueException {
        String[] parts = value instanceof String text ? text.split("/") : new String[0];
        boolean valid = parts.length == 2 && parts[0].matches("(\\d{1,3}\\.){3}\\d{1,3}")
                && Arrays.stream(parts[0].split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255)
                && parts[1].matches("\\d{1,2}") && Integer.parseInt(parts[1]) >= 8 && Integer.parseInt(parts[1]) <= 30;
        if (!valid) {
            throw new InvalidValueException("bip", "expected an IPv4 address with a prefix length from 8 to 30, "
                    + "such as \"172.30.0.1/16\", found " + JsonText.of(value));
        }
        return (String) value;
    }

    private static int mtu(Object value) throws InvalidValueException {
        if (!(value instanceof Integer mtu) || mtu < 576 || mtu > 65535) {
            throw new InvalidValueException("mtu", "expected a whole number from 576 to 65535, found "
                    + JsonText.of(value));
        }
        return mtu;
    }
}
