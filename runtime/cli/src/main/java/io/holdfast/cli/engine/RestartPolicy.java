package io.holdfast.cli.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Docker's --restart value: no, always, unless-stopped or on-failure[:max-retries]. */
public record RestartPolicy(String name, int maximumRetryCount) {

    public static final RestartPolicy NO = new RestartPolicy("no", 0);

    private static final Set<String> NAMES = Set.of("no", "always", "unless-stopped", "on-failure");

    public static RestartPolicy parse(String value) {
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("invalid restart policy '" + value
                    + "': expected no, always, unless-stopped or on-failure[:max-retries]");
        }
        if (colon < 0) {
            return new RestartPolicy(name, 0);
        }
        if (!name.equals("on-failure")) {
            throw new IllegalArgumentException("invalid restart policy '" + value
                    + "': maximum retry count only applies to on-failure");
        }
        try {
            int retries = Integer.parseInt(value.substring(colon + 1));
            if (retries < 0) {
                throw new NumberFormatException();
            }
            return new RestartPolicy(name, retries);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid restart policy '" + value
                    + "': maximum retry count must be a non-negative integer");
        }
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Name", name);
        json.put("MaximumRetryCount", maximumRetryCount);
        return json;
    }
}
