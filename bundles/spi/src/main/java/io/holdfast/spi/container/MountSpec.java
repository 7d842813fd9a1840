package io.holdfast.spi.container;

import java.util.List;

/**
 * A file system mounted into the container: a host path bound in (Docker's {@code Binds} and {@code Mounts} of type
 * {@code bind}), or a fresh tmpfs ({@code Tmpfs} and {@code Mounts} of type {@code tmpfs}).
 *
 * <pre>{@code new MountSpec(MountSpec.Type.BIND, "/srv/data", "/data", true, List.of("rprivate"))
 * new MountSpec(MountSpec.Type.TMPFS, "", "/run", false, List.of("size=65536k", "noexec"))}</pre>
 *
 * @param type     bind or tmpfs
 * @param source   the host path for a bind (absolute); ignored for a tmpfs
 * @param target   where it appears in the container (absolute)
 * @param readOnly mounted read-only
 * @param options  further mount options: a bind's propagation ({@code rprivate}, {@code rshared}, ...), a tmpfs's
 *                 {@code size=}, {@code mode=}, {@code noexec}, ...
 * @param origin   which of Docker's fields asked for it, so inspect shows it where the user put it
 */
public record MountSpec(Type type, String source, String target, boolean readOnly, List<String> options,
                        Origin origin) {
    /** The kinds of mount Holdfast makes. */
    public enum Type { BIND, TMPFS }

    /** Docker's three ways to ask for a mount: {@code HostConfig.Binds}, {@code .Mounts}, {@code .Tmpfs}. */
    public enum Origin { BINDS, MOUNTS, TMPFS }

    /** A mount asked for as an entry of {@code HostConfig.Mounts}. */
    public MountSpec(Type type, String source, String target, boolean readOnly, List<String> options) {
        this(type, source, target, readOnly, options, Origin.MOUNTS);
    }

    public MountSpec {
        origin = origin == null ? Origin.MOUNTS : origin;
        if (type == null) {
            throw new IllegalArgumentException("mount type is required: bind or tmpfs");
        }
        source = source == null ? "" : source;
        options = options == null ? List.of() : List.copyOf(options);
        if (target == null || !target.startsWith("/")) {
            throw new IllegalArgumentException("mount target \"" + target + "\": it needs to be an absolute path");
        }
        if (target.equals("/")) {
            throw new IllegalArgumentException("mount target \"/\": the root file system cannot be a mount target");
        }
        if (type == Type.BIND && !source.startsWith("/")) {
            throw new IllegalArgumentException("bind mount source \"" + source + "\": it needs to be an absolute path");
        }
    }
}
