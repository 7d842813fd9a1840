package io.holdfast.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.spi.config.AddressPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code default-address-pools}: Docker's list of {@code {"base": "10.10.0.0/16", "size": 24}}. Each base must be a
 * network address (host bits zero), each size lie between the base's prefix and 30, and no two pools may overlap.
 * When {@code bip} is not set, the bridge takes the first subnet of the first pool, as Docker's default bridge does.
 */
final class AddressPoolsKey {
    static final String KEY = "default-address-pools";
    private static final Set<String> FIELDS = Set.of("base", "size");
    private static final int MAX_SIZE = 30; // a /31 or /32 leaves no address for a container besides the gateway

    private AddressPoolsKey() {
    }

    static List<AddressPool> read(ConfigValues values) throws ConfigException {
        List<AddressPool> pools = new ArrayList<>();
        List<Ipv4Network> bases = new ArrayList<>();
        JsonNode node = values.node(KEY);
        if (node == null) {
            return pools;
        }
        if (!node.isArray()) {
            throw values.invalid(KEY, "expected an array such as [{\"base\": \"10.10.0.0/16\", \"size\": 24}], found "
                    + node);
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String at = "item [" + i + "]: ";
            if (!item.isObject()) {
                throw values.invalid(KEY, at + "expected an object such as {\"base\": \"10.10.0.0/16\", \"size\": 24}, "
                        + "found " + item);
            }
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) item::fields) {
                if (!FIELDS.contains(field.getKey())) {
                    throw values.invalid(KEY, at + "unknown field \"" + field.getKey() + "\"; fields are base, size");
                }
            }
            Ipv4Network base = base(values, at, item.get("base"));
            int size = size(values, at, item.get("size"), base);
            for (int j = 0; j < bases.size(); j++) {
                if (bases.get(j).overlaps(base)) {
                    throw values.invalid(KEY, at + "base " + base + " overlaps item [" + j + "], base " + bases.get(j));
                }
            }
            bases.add(base);
            pools.add(new AddressPool(base.toString(), size));
        }
        return pools;
    }

    /** The bridge's address taken from the pools: the first host of the first subnet of the first pool. */
    static String bridgeAddress(AddressPool first) {
        return Ipv4Network.parse(first.base()).firstHostOfFirstSubnet(first.size());
    }

    private static Ipv4Network base(ConfigValues values, String at, JsonNode node) throws ConfigException {
        Ipv4Network base = node != null && node.isTextual() ? Ipv4Network.parse(node.textValue()) : null;
        if (base == null) {
            throw values.invalid(KEY, at + "\"base\": expected an IPv4 network such as \"10.10.0.0/16\", found "
                    + (node == null ? "nothing" : node));
        }
        if (!base.isNetworkAddress()) {
            throw values.invalid(KEY, at + "\"base\": " + base + " has host bits set; the network is " + base.network());
        }
        if (base.prefix() > MAX_SIZE) {
            throw values.invalid(KEY, at + "\"base\": " + base + " is too small to cut subnets from; "
                    + "expected a prefix length of at most " + MAX_SIZE);
        }
        return base;
    }

    private static int size(ConfigValues values, String at, JsonNode node, Ipv4Network base) throws ConfigException {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()
                || node.intValue() < base.prefix() || node.intValue() > MAX_SIZE) {
            throw values.invalid(KEY, at + "\"size\": expected a whole number from " + base.prefix()
                    + " (the prefix of base " + base + ") to " + MAX_SIZE + ", found " + (node == null ? "nothing" : node));
        }
        return node.intValue();
    }
}
