package io.holdfast.spi.volume;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One volume as the engine records it (Docker's volume inspect).
 *
 * <pre>{@code new Volume("pgdata", "local", "/var/lib/holdfast/volumes/pgdata/_data", Map.of(), Map.of(), now, false)}</pre>
 *
 * @param name       unique among all volumes, whatever their driver
 * @param driver     the volume driver that keeps it
 * @param mountpoint its data on the host
 * @param options    the driver options it was created with
 * @param labels     the user's metadata
 * @param createdAt  when it was created
 * @param anonymous  made for one container ({@code -v /path}, an image's {@code Volumes}); {@code rm -v} of that
 *                   container removes it
 */
public record Volume(String name, String driver, String mountpoint, Map<String, String> options,
                     Map<String, String> labels, Instant createdAt, boolean anonymous) {
    /** Docker's label on anonymous volumes (moby 23 and later), so clients tell them apart. */
    public static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";

    public Volume {
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }
}
