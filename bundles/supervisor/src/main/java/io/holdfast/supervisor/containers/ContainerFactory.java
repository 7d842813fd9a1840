package io.holdfast.supervisor.containers;

import io.holdfast.spi.config.DaemonConfig;
import java.util.function.Supplier;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.RunState;
import io.holdfast.spi.environment.ContainerEnvironment;
import io.holdfast.spi.image.ImageRecord;
import io.holdfast.spi.image.Images;
import io.holdfast.spi.network.NetworkAttachment;
import io.holdfast.spi.network.NetworkBridge;
import io.holdfast.spi.storage.StorageDriver;
import io.holdfast.supervisor.oci.OciSpec;
import io.holdfast.supervisor.oci.SeccompFilter;
import io.holdfast.supervisor.oci.SeccompProfile;
import io.holdfast.supervisor.state.DataRootLayout;
import io.holdfast.supervisor.volumes.ContainerVolumes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes a new container: its root filesystem (storage driver), its network (bridge), and finally its record (the
 * OCI bundle is written at each start, by {@link Lifecycle}). The record is written last, so a crash part-way leaves no container, only files the next create of the
 * same id would never meet (ids are random).
 */
final class ContainerFactory {
    private static final Logger LOG = Logger.getLogger(ContainerFactory.class.getName());

    /** Read on each use: a reload may replace it. */
    private final Supplier<DaemonConfig> config;
    private final Images images;
    private final Plugins plugins;
    private final ContainerTable table;
    private final NameGenerator names = new NameGenerator();
    private final EventPublisher events;

    private final ContainerVolumes volumes;

    ContainerFactory(Supplier<DaemonConfig> config, Images images, Plugins plugins, ContainerTable table,
                     EventPublisher events, ContainerVolumes volumes) {
        this.volumes = volumes;
        this.config = config;
        this.images = images;
        this.plugins = plugins;
        this.table = table;
        this.events = events;
    }

    /** Holds {@code name}'s claim while the container is made, so two creates cannot take the same name. */
    synchronized ContainerRecord create(ContainerSpec requested) {
        String name = requested.name() == null || requested.name().isEmpty()
                ? names.newName(n -> table.byName(n).isPresent()) : stripSlash(requested.name());
        NameGenerator.checkName(name);
        table.byName(name).ifPresent(other -> {
            throw new EngineException(Kind.CONFLICT, "Conflict. The container name \"/" + name
                    + "\" is already in use by container \"" + other.id()
                    + "\". You have to remove (or rename) that container to be able to reuse that name.");
        });
        ImageRecord image = images.resolve(requested.image());
        String runtime = config.get().runtime(requested.runtime()).name();
        StorageDriver driver = plugins.driver(config.get().storageDriver());
        String networkMode = requested.networkMode() == null || requested.networkMode().isEmpty()
                || requested.networkMode().equals("default") ? plugins.defaultNetwork() : requested.networkMode();
        plugins.network(networkMode); // a missing network is refused before any volume is made
        ContainerSpec spec = ImageDefaults.apply(requested, image.config()).settled(name, networkMode, runtime,
                HostLimits.adapt(requested.resources()));
        HostLimits.checkMounts(spec);
        checkSeccomp(spec);
        // volumes are found or made first, and reserved until the record is written: no remove comes between
        ContainerVolumes.Resolved withVolumes = volumes.resolve(spec.mounts());
        boolean recorded = false;
        try {
            ContainerRecord record = create(name, image, driver, networkMode, withMounts(spec,
                    withVolumes.mounts()));
            recorded = true;
            return record;
        } finally {
            volumes.settled(withVolumes, recorded);
        }
    }

    private static ContainerSpec withMounts(ContainerSpec spec, List<io.holdfast.spi.container.MountSpec> mounts) {
        return spec.withMounts(mounts);
    }

    private ContainerRecord create(String name, ImageRecord image, StorageDriver driver, String networkMode,
                                   ContainerSpec spec) {
        NetworkBridge network = plugins.network(networkMode);

        String id = names.newId();
        Path dir = table.store().dir(id);
        Path driverHome = DataRootLayout.of(config.get()).storageHome(driver.name());
        boolean rootfsMade = false;
        boolean attached = false;
        try {
            // storage/ is private; below it the root file systems keep their images' modes
            io.holdfast.common.io.Directories.createPrivate(driverHome);
            Path rootfs = driver.create(id, image.layers().stream().map(Path::of).toList(), driverHome);
            rootfsMade = true;
            volumes.copyImageContent(spec.mounts(), rootfs);
            NetworkAttachment attachment = attach(network, id, spec.ipv4Address());
            attached = true;
            io.holdfast.supervisor.ports.PublishedPortChecks.checkNetwork(spec, attachment);
            // the bundle itself (config.json, hosts, resolv.conf) is written at each start: see OciBundle
            ContainerRecord record = new ContainerRecord(ContainerRecord.SCHEMA_VERSION, id, name, Instant.now(), spec,
                    image.id(), RunState.created(), 0, driver.name(), rootfs.toString(), dir.toString(),
                    dir.resolve("container.log").toString(), attachment,
                    ContainerEnvironment.of(config.get().dataRoot(), config.get().storageDriver(), driver.settings(),
                            network.settings()));
            table.put(record);
            events.container("create", record);
            return record;
        } catch (IOException | RuntimeException e) {
            undo(id, rootfsMade ? driver : null, driverHome, attached ? network : null);
            if (e instanceof EngineException engine) {
                throw engine;
            }
            throw new EngineException(Kind.FAILED, "cannot create container: " + describe(e), e);
        }
    }

    /** The container's first network, with the fixed address asked for, if any (user-defined networks only). */
    private static NetworkAttachment attach(NetworkBridge network, String id, String ipv4Address) throws IOException {
        if (ipv4Address.isEmpty()) {
            return network.attach(id);
        }
        if (PREDEFINED_NETWORKS.contains(network.name())) {
            throw new EngineException(Kind.INVALID, "user specified IP address is supported on user defined "
                    + "networks only");
        }
        try {
            return network.attach(id, ipv4Address);
        } catch (IllegalArgumentException invalid) {
            throw new EngineException(Kind.INVALID, "--ip " + ipv4Address + ": " + invalid.getMessage());
        } catch (IllegalStateException taken) {
            throw new EngineException(Kind.CONFLICT, "--ip " + ipv4Address + ": " + taken.getMessage());
        }
    }

    /** Docker's own networks, where a fixed address is refused. */
    private static final java.util.Set<String> PREDEFINED_NETWORKS = java.util.Set.of("bridge", "host", "none");

    /**
     * Docker's rename: names are claimed here, as by {@link #create}, so a rename and a create cannot take the same
     * name; the record is rewritten in one atomic write under the container's lock. Records are found by id, so a
     * restore finds the container under its new name.
     */
    synchronized ContainerRecord rename(String id, String requested) {
        if (requested == null || requested.isEmpty() || requested.equals("/")) {
            throw new EngineException(Kind.INVALID, "Neither old nor new names may be empty");
        }
        String name = stripSlash(requested);
        NameGenerator.checkName(name);
        var lock = table.lock(id);
        lock.lock();
        try {
            ContainerRecord record = table.byId(id);
            if (record.name().equals(name)) {
                throw new EngineException(Kind.INVALID, "Renaming a container with the same name as its current "
                        + "name");
            }
            table.byName(name).ifPresent(other -> {
                throw new EngineException(Kind.CONFLICT, "Error when allocating new name: Conflict. The container "
                        + "name \"/" + name + "\" is already in use by container \"" + other.id()
                        + "\". You have to remove (or rename) that container to be able to reuse that name.");
            });
            ContainerRecord renamed = record.withName(name);
            table.put(renamed);
            events.container("rename", renamed, java.util.Map.of("oldName", "/" + record.name()));
            return renamed;
        } finally {
            lock.unlock();
        }
    }

    /** Undoes each step that was done, each on its own: one failing clean-up must not skip the others. */
    private void undo(String id, StorageDriver madeRootfs, Path driverHome, NetworkBridge attachedTo) {
        List<UndoStep> steps = List.of(
                () -> {
                    if (attachedTo != null) {
                        attachedTo.detach(id);
                    }
                },
                () -> {
                    if (madeRootfs != null) {
                        madeRootfs.remove(id, driverHome);
                    }
                },
                () -> table.store().delete(id));
        for (UndoStep step : steps) {
            try {
                step.run();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "cannot clean up the failed create of " + id, e);
            }
        }
    }

    @FunctionalInterface
    private interface UndoStep {
        void run() throws IOException;
    }

    /** A custom seccomp profile is read now, so a bad one is a 400 at create rather than a failed start. */
    private static void checkSeccomp(ContainerSpec spec) {
        try {
            SeccompProfile profile = SeccompProfile.of(spec.security());
            if (profile != null) {
                SeccompFilter.forHost().oci(profile, OciSpec.capabilities(spec));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new EngineException(Kind.INVALID, e.getMessage());
        }
    }

    /** File-system exceptions carry only a path as their message; say what happened to it. */
    private static String describe(Exception e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            return fs.getClass().getSimpleName().replace("Exception", "") + ": " + fs.getMessage();
        }
        return e.getMessage();
    }

    private static String stripSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
