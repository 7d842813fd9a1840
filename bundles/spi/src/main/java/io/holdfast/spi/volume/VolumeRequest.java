package io.holdfast.spi.volume;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code docker volume create} asks for.
 *
 * <pre>{@code new VolumeRequest("scratch", "local", Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=64m"), Map.of())}</pre>
 *
 * @param name    the name, or empty for a generated one (64 hex characters, as Docker)
 * @param driver  the driver, or empty for {@code local}
 * @param options the driver's options
 * @param labels  the user's metadata
 */
public record VolumeRequest(String name, String driver, Map<String, String> options, Map<String, String> labels) {
    public VolumeRequest {
        name = name == null ? "" : name;
        driver = driver == null || driver.isEmpty() ? "local" : driver;
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }
}
