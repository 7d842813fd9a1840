package io.holdfast.spi.container;

import java.util.List;

/**
 * A file system mounted into the container: a host path bound in (Docker's {@code Binds} and {@code Mounts} of type
 * {@code bind}), a fresh tmpfs ({@code Tmpfs} and {@code Mounts} of type {@code tmpfs}), or a volume ({@code Binds}
 * {@code name:/path} or {@code /path} alone, {@code Mounts} of type {@code volume}), bound in from where its driver
 * keeps it.
 *
 * <pre>{@code new MountSpec(MountSpec.Type.BIND, "/srv/data", "/data", true, List.of("rprivate"))
 * new MountSpec(MountSpec.Type.TMPFS, "", "/run", false, List.of("size=65536k", "noexec"))
 * new MountSpec(MountSpec.Type.VOLUME, "", "/data", false, List.of(), Origin.BINDS, new VolumeRef("pgdata", ""))}</pre>
 *
 * @param type     bind or tmpfs
 * @param source   the host path for a bind (absolute); ignored for a tmpfs; for a volume, where its driver keeps it
 *                 (empty until the engine has created or found the volume)
 * @param target   where it appears in the container (absolute)
 * @param readOnly mounted read-only
 * @param options  further mount options: a bind's propagation ({@code rprivate}, {@code rshared}, ...), a tmpfs's
 *                 {@code size=}, {@code mode=}, {@code noexec}, ...; a volume's only option is {@link #NO_COPY}
 * @param origin   which of Docker's fields asked for it, so inspect shows it where the user put it
 * @param volume   for a volume: which one; {@code null} for binds and tmpfs
 */
public record MountSpec(Type type, String source, String target, boolean readOnly, List<String> options,
                        Origin origin, VolumeRef volume) {
    /**
     * A volume mount's option (Docker's {@code -v name:/path:nocopy}, {@code VolumeOptions.NoCopy}): the image's
     * content at the target is not copied into the volume when the volume is empty.
     */
    public static final String NO_COPY = "nocopy";

    /** The kinds of mount Holdfast makes. */
    public enum Type { BIND, TMPFS, VOLUME }

    /**
     * The volume a {@link Type#VOLUME} mount binds in.
     *
     * @param name   the volume's name; empty for an anonymous volume the engine names at create
     * @param driver its volume driver; empty until the engine has created or found the volume
     */
    public record VolumeRef(String name, String driver) {
        public VolumeRef {
            name = name == null ? "" : name;
            driver = driver == null ? "" : driver;
        }
    }

    /** A bind or tmpfs mount. */
    public MountSpec(Type type, String source, String target, boolean readOnly, List<String> options,
                     Origin origin) {
        this(type, source, target, readOnly, options, origin, null);
    }

    /**
     * Docker's ways to ask for a mount: {@code HostConfig.Binds}, {@code .Mounts}, {@code .Tmpfs}, and
     * {@code Config.Volumes} (an anonymous volume, {@code docker run -v /path}).
     */
    public enum Origin { BINDS, MOUNTS, TMPFS, VOLUMES }

    /** A mount asked for as an entry of {@code HostConfig.Mounts}. */
    public MountSpec(Type type, String source, String target, boolean readOnly, List<String> options) {
        this(type, source, target, readOnly, options, Origin.MOUNTS, null);
    }

    /** The same volume mount, its volume found or created: bound in from {@code mountpoint}. */
    public MountSpec resolved(String volumeName, String driver, String mountpoint) {
        return new MountSpec(type, mountpoint, target, readOnly, options, origin, new VolumeRef(volumeName, driver));
    }

    public MountSpec {
        origin = origin == null ? Origin.MOUNTS : origin;
        if (type == null) {
            throw new IllegalArgumentException("mount type is required: bind, tmpfs or volume");
        }
        if ((type == Type.VOLUME) != (volume != null)) {
            throw new IllegalArgumentException("mount target \"" + target + "\": a volume mount names its volume,"
                    + " and only a volume mount does");
        }
        source = source == null ? "" : source;
        options = options == null ? List.of() : List.copyOf(options);
        if (target == null || !target.startsWith("/")) {
            throw new IllegalArgumentException("mount target \"" + target + "\": it needs to be an absolute path");
        }
        if (target.equals("/")) {
            throw new IllegalArgumentException("mount target \"/\": the root file system cannot be a mount target");
        }
        if (type == Type.VOLUME && !source.isEmpty() && !source.startsWith("/")) {
            throw new IllegalArgumentException("volume mount source \"" + source + "\": it needs to be an absolute path");
        }
        if (type == Type.BIND && !source.startsWith("/")) {
            throw new IllegalArgumentException("bind mount source \"" + source + "\": it needs to be an absolute path");
        }
    }
}
