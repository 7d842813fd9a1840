package io.holdfast.spi.container;

/**
 * A host device the container gets ({@code --device /dev/fuse}, Docker's {@code HostConfig.Devices}): the node is
 * made in the container's {@code /dev} and its cgroup allows the given access. A directory on the host gives every
 * device below it.
 *
 * <pre>{@code new DeviceMapping("/dev/fuse", "/dev/fuse", "rwm")}</pre>
 *
 * @param pathOnHost      the device (or a directory of devices) on the host, absolute
 * @param pathInContainer where it appears in the container, absolute; empty: the same path
 * @param permissions     what the cgroup allows: some of {@code r} (read), {@code w} (write), {@code m} (mknod)
 */
public record DeviceMapping(String pathOnHost, String pathInContainer, String permissions) {
    public DeviceMapping {
        pathOnHost = pathOnHost == null ? "" : pathOnHost;
        pathInContainer = pathInContainer == null || pathInContainer.isEmpty() ? pathOnHost : pathInContainer;
        permissions = permissions == null || permissions.isEmpty() ? "rwm" : permissions;
        if (!pathOnHost.startsWith("/") || !pathInContainer.startsWith("/")) {
            throw new IllegalArgumentException("device \"" + pathOnHost + ":" + pathInContainer
                    + "\": both paths must be absolute");
        }
        if (!permissions.matches("[rwm]{1,3}") || permissions.chars().distinct().count() != permissions.length()) {
            throw new IllegalArgumentException("device \"" + pathOnHost + "\": invalid permissions \"" + permissions
                    + "\": expected some of r, w and m");
        }
    }
}
