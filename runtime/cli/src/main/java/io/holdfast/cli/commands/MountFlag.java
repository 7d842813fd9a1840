package io.holdfast.cli.commands;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The docker CLI's {@code --mount} syntax, {@code type=bind,source=/a,target=/b,readonly}, as an API {@code Mount}. */
final class MountFlag implements ITypeConverter<Map<String, Object>> {
    @Override
    public Map<String, Object> convert(String value) {
        return parse(value);
    }

    static Map<String, Object> parse(String text) {
        Map<String, Object> mount = new LinkedHashMap<>();
        Map<String, Object> bind = new LinkedHashMap<>();
        Map<String, Object> tmpfs = new LinkedHashMap<>();
        Map<String, Object> driver = new LinkedHashMap<>();
        mount.put("Type", "volume"); // docker's default
        for (String field : text.split(",")) {
            int eq = field.indexOf('=');
            String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(java.util.Locale.ROOT);
            String value = eq < 0 ? null : field.substring(eq + 1);
            switch (key) {
                case "type" -> mount.put("Type", value);
                case "source", "src" -> mount.put("Source", value);
                case "target", "destination", "dst" -> mount.put("Target", value);
                case "readonly", "ro" -> mount.put("ReadOnly", value == null || value.equals("1")
                        || value.equalsIgnoreCase("true"));
                case "bind-propagation" -> bind.put("Propagation", value);
                case "tmpfs-size" -> tmpfs.put("SizeBytes", Sizes.bytes(value, "--mount tmpfs-size"));
                case "tmpfs-mode" -> tmpfs.put("Mode", parseMode(value));
                case "volume-driver" -> driver.put("Name", value);
                default -> throw new TypeConversionException("--mount: unexpected key \"" + key + "\" in \"" + text + "\"");
            }
        }
        if (!bind.isEmpty()) {
            mount.put("BindOptions", bind);
        }
        if (!tmpfs.isEmpty()) {
            mount.put("TmpfsOptions", tmpfs);
        }
        if (!driver.isEmpty()) {
            mount.put("VolumeOptions", Map.of("DriverConfig", driver));
        }
        return mount;
    }

    private static long parseMode(String value) {
        try {
            return Long.parseLong(value, 8);
        } catch (NumberFormatException | NullPointerException e) {
            throw new TypeConversionException("--mount: tmpfs-mode \"" + value + "\": expected an octal mode such as 1777");
        }
    }
}
