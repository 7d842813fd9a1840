package io.holdfast.spi.container;

import java.util.List;

/**
 * What of the host a container may reach beyond Docker's defaults: host devices, or with {@code privileged}
 * everything Docker's {@code --privileged} gives (every capability, every host device, no masked {@code /proc}
 * paths, a writable {@code /sys}).
 *
 * <pre>{@code new HostAccess(false, List.of(new DeviceMapping("/dev/fuse", "", "rwm")))}</pre>
 *
 * @param privileged the container gets the host's capabilities and devices
 * @param devices    single host devices it gets
 */
public record HostAccess(boolean privileged, List<DeviceMapping> devices) {
    public static final HostAccess NONE = new HostAccess(false, List.of());

    public HostAccess {
        devices = devices == null ? List.of() : List.copyOf(devices);
    }
}
