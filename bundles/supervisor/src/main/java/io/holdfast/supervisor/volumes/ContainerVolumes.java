package io.holdfast.supervisor.volumes;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.MountSpec;
import io.holdfast.spi.volume.Volume;
import io.holdfast.spi.volume.VolumeDriver;
import io.holdfast.spi.volume.VolumeRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What containers need of volumes: at create, each volume mount finds its volume or creates it (a named one the
 * first time it is used, as {@code docker run -v name:/path} does, an anonymous one always); at each start, the
 * driver mounts it if its options ask for a mount not yet there; at {@code rm -v} and {@code --rm}, the container's
 * anonymous volumes go with it.
 *
 * <pre>{@code
 * Resolved resolved = volumes.resolve(spec.mounts());
 * try { ... write the record ... } finally { volumes.settled(resolved, recordWritten); }
 * }</pre>
 */
public final class ContainerVolumes {
    private static final Logger LOG = Logger.getLogger(ContainerVolumes.class.getName());
    private final VolumeService volumes;

    ContainerVolumes(VolumeService volumes) {
        this.volumes = volumes;
    }

    /**
     * The mounts with every volume found or created, and the volumes reserved for the create until
     * {@link #settled}.
     */
    public record Resolved(List<MountSpec> mounts, List<String> reserved, List<String> createdAnonymous) {
    }

    public Resolved resolve(List<MountSpec> mounts) {
        List<MountSpec> resolved = new ArrayList<>();
        List<String> reserved = new ArrayList<>();
        List<String> created = new ArrayList<>();
        try {
            for (MountSpec mount : mounts) {
                if (mount.type() != MountSpec.Type.VOLUME) {
                    resolved.add(mount);
                    continue;
                }
                String name = mount.volume().name();
                Volume volume;
                synchronized (volumes) { // found (or made) and reserved in one step: a remove cannot come between
                    volume = name.isEmpty()
                            ? volumes.create(new VolumeRequest("", mount.volume().driver(), Map.of(), Map.of()), true)
                            : findOrCreate(name, mount.volume().driver());
                    volumes.reserve(volume.name());
                }
                reserved.add(volume.name());
                if (name.isEmpty()) {
                    created.add(volume.name());
                }
                resolved.add(mount.resolved(volume.name(), volume.driver(), volume.mountpoint()));
            }
        } catch (RuntimeException e) {
            settled(new Resolved(resolved, reserved, created), false);
            throw e;
        }
        return new Resolved(resolved, reserved, created);
    }

    private Volume findOrCreate(String name, String driver) {
        try {
            return volumes.get(name);
        } catch (EngineException missing) {
            return volumes.create(new VolumeRequest(name, driver, Map.of(), Map.of()));
        }
    }

    /** Ends the create's reservation; a create that failed removes the anonymous volumes it made. */
    public void settled(Resolved resolved, boolean recorded) {
        volumes.release(resolved.reserved());
        if (!recorded) {
            resolved.createdAnonymous().forEach(name -> volumes.remove(name, true));
        }
    }

    /**
     * Gives each empty volume of a new container the image's content at its target (see {@link ImageContentCopy}),
     * unless the mount says {@link MountSpec#NO_COPY}. A volume its driver mounts at start (options such as
     * {@code type=tmpfs}) is not there yet at create and starts empty. Blocks on copying.
     */
    public void copyImageContent(List<MountSpec> mounts, Path rootfs) throws IOException {
        for (MountSpec mount : mounts) {
            if (mount.type() != MountSpec.Type.VOLUME || mount.options().contains(MountSpec.NO_COPY)) {
                continue;
            }
            Volume volume = volumes.get(mount.volume().name());
            Optional<String> skipped = volume.options().isEmpty()
                    ? ImageContentCopy.into(Path.of(mount.source()), rootfs, mount.target())
                    : Optional.of("its driver mounts it at start");
            skipped.ifPresent(why -> LOG.fine(() -> "volume " + volume.name() + " at " + mount.target()
                    + ": nothing copied from the image, " + why));
        }
    }

    /**
     * The spec with each volume mounted by its driver (mounting only what is not mounted yet) and bound in from where
     * the driver says. Blocks on the driver's mount calls.
     */
    public ContainerSpec mounted(ContainerSpec spec) throws IOException {
        if (spec.mounts().stream().noneMatch(m -> m.type() == MountSpec.Type.VOLUME)) {
            return spec;
        }
        List<MountSpec> mounts = new ArrayList<>();
        for (MountSpec mount : spec.mounts()) {
            if (mount.type() != MountSpec.Type.VOLUME) {
                mounts.add(mount);
                continue;
            }
            Volume volume = volumes.get(mount.volume().name());
            VolumeDriver driver = volumes.driver(volume);
            Path path = driver.mount(volume.name(), volume.options(), volumes.home(volume));
            mounts.add(mount.resolved(volume.name(), volume.driver(), path.toString()));
        }
        return spec.withMounts(mounts);
    }

    /**
     * Removes the anonymous volumes of a container whose record is gone ({@code rm -v}, {@code --rm}); one another
     * container still uses ({@code --volumes-from}) is kept, as in Docker. Returns what could not be removed.
     */
    public List<String> removeAnonymous(ContainerRecord removed) {
        List<String> failures = new ArrayList<>();
        for (MountSpec mount : removed.spec().mounts()) {
            if (mount.type() != MountSpec.Type.VOLUME) {
                continue;
            }
            String name = mount.volume().name();
            try {
                if (volumes.get(name).anonymous() && volumes.usedBy(name).isEmpty()) {
                    volumes.remove(name, true);
                }
            } catch (EngineException e) {
                if (e.kind() != Kind.NOT_FOUND && e.kind() != Kind.CONFLICT) {
                    failures.add(e.getMessage());
                }
            }
        }
        return failures;
    }
}
