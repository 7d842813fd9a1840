package io.holdfast.routes.create;

import io.holdfast.spi.container.MountSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Docker's three ways to ask for mounts, as {@link MountSpec}s: {@code HostConfig.Binds}
 * ({@code /src:/dst[:ro|rw|z|Z|propagation,...]}), {@code HostConfig.Mounts} of type {@code bind} or {@code tmpfs},
 * and {@code HostConfig.Tmpfs} ({@code {"/run": "size=64m,noexec"}}); volumes as {@code Binds}
 * ({@code name:/dst[:ro]}), {@code Mounts} of type {@code volume}, and {@code Config.Volumes}
 * ({@code {"/data": {}}}, an anonymous volume: what {@code docker run -v /data} sends).
 */
final class MountRequests {
    private static final Set<String> PROPAGATIONS = Set.of("private", "rprivate", "shared", "rshared", "slave",
            "rslave");
    /** tmpfs options passed on to the kernel; anything else is refused rather than handed to runc to fail on. */
    private static final Set<String> TMPFS_FLAGS = Set.of("ro", "rw", "exec", "noexec", "suid", "nosuid", "dev",
            "nodev", "sync", "async", "atime", "noatime", "relatime", "strictatime", "nodiratime", "diratime");
    private static final Set<String> TMPFS_KEYS = Set.of("size", "mode", "uid", "gid", "nr_inodes", "nr_blocks");
    private static final Set<String> MOUNT_FIELDS = Set.of("Type", "Source", "Target", "ReadOnly", "Consistency",
            "BindOptions", "TmpfsOptions", "VolumeOptions");
    private static final Set<String> VOLUME_OPTIONS = Set.of("DriverConfig", "NoCopy");
    private static final Set<String> DRIVER_CONFIG = Set.of("Name");
    private static final Set<String> BIND_OPTIONS = Set.of("Propagation");
    private static final Set<String> TMPFS_OPTIONS = Set.of("SizeBytes", "Mode");

    private MountRequests() {
    }

    /** The mounts of {@code host}, then an anonymous volume for each {@code Config.Volumes} path none of them takes. */
    static List<MountSpec> of(JsonFields host, JsonFields config) {
        List<MountSpec> mounts = of(host);
        Set<String> taken = new java.util.HashSet<>();
        mounts.forEach(m -> taken.add(m.target()));
        for (String target : config.stringMapKeys("Volumes")) {
            if (!taken.contains(target)) { // Docker: a bind or mount on the same path wins over the image's volume
                mounts.add(spec(MountSpec.Type.VOLUME, "", target, false, List.of(), MountSpec.Origin.VOLUMES,
                        config.path("Volumes") + "." + target, new MountSpec.VolumeRef("", "")));
            }
        }
        return mounts;
    }

    static List<MountSpec> of(JsonFields host) {
        List<MountSpec> mounts = new ArrayList<>();
        for (String bind : host.strings("Binds")) {
            mounts.add(bind(bind, host.path("Binds")));
        }
        for (JsonFields mount : host.objects("Mounts")) {
            mounts.add(mount(mount));
        }
        for (Map.Entry<String, String> tmpfs : host.stringMap("Tmpfs").entrySet()) {
            String path = host.path("Tmpfs") + "." + tmpfs.getKey();
            List<String> given = tmpfs.getValue().isEmpty() ? List.of() : List.of(tmpfs.getValue().split(","));
            boolean readOnly = given.lastIndexOf("ro") > given.lastIndexOf("rw");
            mounts.add(spec(MountSpec.Type.TMPFS, "", tmpfs.getKey(), readOnly, tmpfsOptions(given, path),
                    MountSpec.Origin.TMPFS, path));
        }
        return mounts;
    }

    /**
     * {@code /src:/dst}, {@code /src:/dst:ro,rshared}; z and Z (SELinux relabelling) change nothing without SELinux,
     * as in Docker. A source that is not a path names a volume ({@code pgdata:/data:ro}); a lone {@code /dst} is an
     * anonymous volume.
     */
    static MountSpec bind(String text, String path) {
        String[] parts = text.split(":", -1);
        if (parts.length == 1 && text.startsWith("/")) {
            return spec(MountSpec.Type.VOLUME, "", text, false, List.of(), MountSpec.Origin.BINDS, path,
                    new MountSpec.VolumeRef("", ""));
        }
        if (parts.length < 2 || parts.length > 3) {
            throw JsonFields.refused(path, "\"" + text + "\": expected /host/path:/container/path[:options] or"
                    + " volume:/container/path[:options]");
        }
        if (!parts[0].startsWith("/")) {
            return volumeBind(text, parts, path);
        }
        boolean readOnly = false;
        List<String> options = new ArrayList<>();
        if (parts.length == 3) {
            for (String mode : parts[2].split(",")) {
                if (mode.equals("ro") || mode.equals("rw")) {
                    readOnly = mode.equals("ro");
                } else if (PROPAGATIONS.contains(mode)) {
                    options.add(mode);
                } else if (!mode.equals("z") && !mode.equals("Z")) {
                    throw JsonFields.refused(path, "\"" + text + "\": invalid mode: " + mode);
                }
            }
        }
        return spec(MountSpec.Type.BIND, parts[0], parts[1], readOnly, options, MountSpec.Origin.BINDS, path);
    }

    /** {@code name:/dst[:ro|rw|nocopy|z|Z]}: propagation is a bind's, not a volume's. */
    private static MountSpec volumeBind(String text, String[] parts, String path) {
        boolean readOnly = false;
        List<String> options = new ArrayList<>();
        if (parts.length == 3) {
            for (String mode : parts[2].split(",")) {
                if (mode.equals("ro") || mode.equals("rw")) {
                    readOnly = mode.equals("ro");
                } else if (mode.equals(MountSpec.NO_COPY)) {
                    options = List.of(MountSpec.NO_COPY);
                } else if (!mode.equals("z") && !mode.equals("Z")) {
                    throw JsonFields.refused(path, "\"" + text + "\": invalid mode for a volume: " + mode);
                }
            }
        }
        if (parts[0].isEmpty()) {
            throw JsonFields.refused(path, "\"" + text + "\": the volume name is empty");
        }
        return spec(MountSpec.Type.VOLUME, "", parts[1], readOnly, options, MountSpec.Origin.BINDS, path,
                new MountSpec.VolumeRef(parts[0], ""));
    }

    private static MountSpec mount(JsonFields mount) {
        String prefix = mount.path("");
        SupportedFields.refuseUnsupported(mount, MOUNT_FIELDS, prefix);
        String type = mount.string("Type");
        String target = mount.string("Target");
        String consistency = mount.string("Consistency");
        if (!consistency.isEmpty() && !consistency.equals("default")) {
            throw JsonFields.refused(mount.path("Consistency"), "only \"default\" is supported, found " + consistency);
        }
        JsonFields bindOptions = mount.object("BindOptions");
        JsonFields tmpfsOptions = mount.object("TmpfsOptions");
        JsonFields volumeOptions = mount.object("VolumeOptions");
        if (!type.equals("volume")) {
            refuseIfSet(volumeOptions, mount.path("VolumeOptions"), type);
        }
        switch (type) {
            case "volume" -> {
                refuseIfSet(bindOptions, mount.path("BindOptions"), "volume");
                refuseIfSet(tmpfsOptions, mount.path("TmpfsOptions"), "volume");
                SupportedFields.refuseUnsupported(volumeOptions, VOLUME_OPTIONS, mount.path("VolumeOptions."));
                JsonFields driverConfig = volumeOptions.object("DriverConfig");
                SupportedFields.refuseUnsupported(driverConfig, DRIVER_CONFIG,
                        mount.path("VolumeOptions.DriverConfig."));
                String source = mount.string("Source");
                return spec(MountSpec.Type.VOLUME, "", target, mount.bool("ReadOnly"),
                        volumeOptions.bool("NoCopy") ? List.of(MountSpec.NO_COPY) : List.of(),
                        MountSpec.Origin.MOUNTS, prefix + "Source",
                        new MountSpec.VolumeRef(source, driverConfig.string("Name")));
            }
            case "bind" -> {
                SupportedFields.refuseUnsupported(bindOptions, BIND_OPTIONS, mount.path("BindOptions."));
                refuseIfSet(tmpfsOptions, mount.path("TmpfsOptions"), "bind");
                String propagation = bindOptions.string("Propagation");
                if (!propagation.isEmpty() && !PROPAGATIONS.contains(propagation)) {
                    throw JsonFields.refused(mount.path("BindOptions.Propagation"), "unknown propagation " + propagation);
                }
                return spec(MountSpec.Type.BIND, mount.string("Source"), target, mount.bool("ReadOnly"),
                        propagation.isEmpty() ? List.of() : List.of(propagation), MountSpec.Origin.MOUNTS,
                        prefix + "Source");
            }
            case "tmpfs" -> {
                SupportedFields.refuseUnsupported(tmpfsOptions, TMPFS_OPTIONS, mount.path("TmpfsOptions."));
                refuseIfSet(bindOptions, mount.path("BindOptions"), "tmpfs");
                if (!mount.string("Source").isEmpty()) {
                    throw JsonFields.refused(mount.path("Source"), "a tmpfs mount has no source");
                }
                List<String> options = new ArrayList<>();
                long size = tmpfsOptions.number("SizeBytes", 0);
                long mode = tmpfsOptions.number("Mode", 0);
                if (size < 0) {
                    throw JsonFields.refused(mount.path("TmpfsOptions.SizeBytes"), "must not be negative");
                }
                if (size > 0) {
                    options.add("size=" + size);
                }
                if (mode != 0) {
                    options.add("mode=" + Long.toOctalString(mode));
                }
                return spec(MountSpec.Type.TMPFS, "", target, mount.bool("ReadOnly"), options, MountSpec.Origin.MOUNTS,
                        prefix + "Target");
            }
            default -> throw JsonFields.refused(mount.path("Type"), "\"" + type + "\": only bind, tmpfs and volume"
                    + " mounts are supported");
        }
    }

    private static void refuseIfSet(JsonFields options, String path, String type) {
        for (String name : options.fieldNames()) {
            if (!SupportedFields.isDefault(path + "." + name, options.node(name))) {
                throw JsonFields.refused(path, "not allowed for a " + type + " mount");
            }
        }
    }

    private static List<String> tmpfsOptions(List<String> options, String path) {
        for (String option : options) {
            String key = option.contains("=") ? option.substring(0, option.indexOf('=')) : "";
            if (!TMPFS_FLAGS.contains(option) && !TMPFS_KEYS.contains(key)) {
                throw JsonFields.refused(path, "unknown tmpfs option \"" + option + "\"");
            }
        }
        return options.stream().filter(o -> !o.equals("ro") && !o.equals("rw")).toList();
    }

    private static MountSpec spec(MountSpec.Type type, String source, String target, boolean readOnly,
                                  List<String> options, MountSpec.Origin origin, String path) {
        return spec(type, source, target, readOnly, options, origin, path, null);
    }

    private static MountSpec spec(MountSpec.Type type, String source, String target, boolean readOnly,
                                  List<String> options, MountSpec.Origin origin, String path,
                                  MountSpec.VolumeRef volume) {
        try {
            return new MountSpec(type, source, target, readOnly, options, origin, volume);
        } catch (IllegalArgumentException e) {
            throw JsonFields.refused(path, e.getMessage());
        }
    }
}
