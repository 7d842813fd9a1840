package io.holdfast.volume.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Docker's local driver options: {@code type} (the file system type, as {@code mount -t}), {@code device} (what is
 * mounted: {@code tmpfs}, {@code /dev/sdb1}, a directory for {@code o=bind}) and {@code o} (the mount options,
 * {@code size=64m}, {@code bind}). None of them: a plain directory. As in Docker, {@code type} and {@code device}
 * go together, and {@code o} alone is refused.
 *
 * <pre>{@code LocalOptions.of(Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=64m")).mounted()   // true}</pre>
 *
 * @param type    the file system type; empty for a plain directory
 * @param device  what is mounted; empty for a plain directory
 * @param options the mount options; may be empty
 */
record LocalOptions(String type, String device, String options) {
    private static final Set<String> KEYS = Set.of("type", "device", "o");

    /** Checks the options a user gave; the message names the one that is wrong. */
    static LocalOptions of(Map<String, String> given) {
        for (String key : given.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("invalid option key: \"" + key + "\"; the local driver takes"
                        + " type, device and o");
            }
        }
        String type = given.getOrDefault("type", "");
        String device = given.getOrDefault("device", "");
        String options = given.getOrDefault("o", "");
        if (type.isEmpty() != device.isEmpty()) {
            throw new IllegalArgumentException("the local driver needs both \"type\" and \"device\" to mount a"
                    + " volume, found only " + (type.isEmpty() ? "device=" + device : "type=" + type));
        }
        if (type.isEmpty() && !options.isEmpty()) {
            throw new IllegalArgumentException("option \"o\" (" + options + ") needs \"type\" and \"device\"");
        }
        for (String value : new String[] {type, device, options}) {
            if (value.indexOf('\0') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("option value \"" + value.replace("\n", "\\n")
                        + "\": no newlines or NUL characters allowed");
            }
        }
        if (options.contains("bind") && !device.startsWith("/")) {
            throw new IllegalArgumentException("device \"" + device + "\": a bind needs an absolute host path");
        }
        return new LocalOptions(type, device, options);
    }

    /** Whether the volume is a mount (made at first use) rather than a plain directory. */
    boolean mounted() {
        return !type.isEmpty();
    }

    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        if (mounted()) {
            map.put("type", type);
            map.put("device", device);
            if (!options.isEmpty()) {
                map.put("o", options);
            }
        }
        return map;
    }
}
