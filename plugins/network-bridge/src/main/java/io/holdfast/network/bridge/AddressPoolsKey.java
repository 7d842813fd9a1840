package io.holdfast.network.bridge;

import io.holdfast.spi.config.InvalidValueException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code default-address-pools}: Docker's list of {@code {"base": "10.10.0.0/16", "size": 24}}. Each base must be a
 * network address (host bits zero), each size lie between the base's prefix and 30, and no two pools may overlap.
 * When {@code bip} is not set, the bridge takes the first subnet of the first pool, as Docker's default bridge does.
 *
 * <pre>{@code
 * List<Map<String, Object>> pools = AddressPoolsKey.read(List.of(Map.of("base", "10.10.0.0/16", "size", 24)));
 * String bip = AddressPoolsKey.bridgeAddress(pools.get(0));   // 10.10.0.1/24
 * }</pre>
 */
final class AddressPoolsKey {
    static final String KEY = "default-address-pools";
    private static final Set<String> FIELDS = Set.of("base", "size");
    private static final int MAX_SIZE = 30; // a /31 or /32 leaves no address for a container besides the gateway

    private AddressPoolsKey() {
    }

    /** The pools as {@code {"base": <network>, "size": <n>}} maps, checked; empty when {@code value} is null. */
    static List<Map<String, Object>> read(Object value) throws InvalidValueException {
        List<Map<String, Object>> pools = new ArrayList<>();
        if (value == null) {
            return pools;
        }
        if (!(value instanceof List<?> items)) {
            throw invalid("expected an array such as [{\"base\": \"10.10.0.0/16\", \"size\": 24}], found "
                    + JsonText.of(value));
        }
        List<Ipv4Network> bases = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "item [" + i + "]: ";
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                throw invalid(at + "expected an object such as {\"base\": \"10.10.0.0/16\", \"size\": 24}, found "
                        + JsonText.of(items.get(i)));
            }
            for (Object field : item.keySet()) {
                if (!FIELDS.contains(field)) {
                    throw invalid(at + "unknown field \"" + field + "\"; fields are base, size");
                }
            }
            Ipv4Network base = base(at, item.get("base"));
            int size = size(at, item.get("size"), base);
            for (int j = 0; j < bases.size(); j++) {
                if (bases.get(j).overlaps(base)) {
                    throw invalid(at + "base " + base + " overlaps item [" + j + "], base " + bases.get(j));
                }
            }
            bases.add(base);
            Map<String, Object> pool = new LinkedHashMap<>();
            pool.put("base", base.toString());
            pool.put("size", size);
            pools.add(pool);
        }
        return pools;
    }

    /** The bridge's address taken from a checked pool: the first host of its first subnet. */
    static String bridgeAddress(Map<String, Object> pool) {
        return Ipv4Network.parse((String) pool.get("base")).firstHostOfFirstSubnet((Integer) pool.get("size"));
    }

    private static Ipv4Network base(String at, Object value) throws InvalidValueException {
        Ipv4Network base = value instanceof String text ? Ipv4Network.parse(text) : null;
        if (base == null) {
            throw invalid(at + "\"base\": expected an IPv4 network such as \"10.10.0.0/16\", found "
                    + JsonText.of(value));
        }
        if (!base.isNetworkAddress()) {
            throw invalid(at + "\"base\": " + base + " has host bits set; the network is " + base.network());
        }
        if (base.prefix() > MAX_SIZE) {
            throw invalid(at + "\"base\": " + base + " is too small to cut subnets from; "
                    + "expected a prefix length of at most " + MAX_SIZE);
        }
        return base;
    }

    private static int size(String at, Object value, Ipv4Network base) throws InvalidValueException {
        if (!(value instanceof Integer size) || size < base.prefix() || size > MAX_SIZE) {
            throw invalid(at + "\"size\": expected a whole number from " + base.prefix()
                    + " (the prefix of base " + base + ") to " + MAX_SIZE + ", found " + JsonText.of(value));
        }
        return size;
    }

    private static InvalidValueException invalid(String reason) {
        return new InvalidValueException(KEY, reason);
    }
}
