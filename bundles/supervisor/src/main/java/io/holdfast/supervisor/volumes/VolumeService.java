package io.holdfast.supervisor.volumes;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.MountSpec;
import io.holdfast.spi.volume.Volume;
import io.holdfast.spi.volume.VolumeDriver;
import io.holdfast.spi.volume.VolumePruneReport;
import io.holdfast.spi.volume.VolumeRequest;
import io.holdfast.spi.volume.Volumes;
import io.holdfast.supervisor.state.DataRootLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The engine's volumes over every volume driver: their records, and whether a container uses one. A volume is in use
 * while any container record (running or not) mounts it, or while a create that mounts it is under way; such a
 * volume is never removed. Volume changes are serialised on this object; reads are not.
 *
 * <pre>{@code
 * VolumeService volumes = new VolumeService(store, drivers::volumeDriver, () -> layout, table::all);
 * ContainerVolumes.Resolved mounts = volumes.containers().resolve(spec.mounts());
 * }</pre>
 */
public final class VolumeService implements Volumes {
    private static final Logger LOG = Logger.getLogger(VolumeService.class.getName());

    private final VolumeStore store;
    private final Function<String, VolumeDriver> drivers;
    private final Supplier<DataRootLayout> layout;
    private final Supplier<List<ContainerRecord>> containers;
    private final Map<String, Volume> volumes = new ConcurrentHashMap<>();
    /** Volumes a create under way mounts: in use before the container's record exists. */
    private final Set<String> pending = new HashSet<>();

    public VolumeService(DataRootLayout initialLayout, Function<String, VolumeDriver> drivers,
                         Supplier<DataRootLayout> layout, Supplier<List<ContainerRecord>> containers)
            throws IOException {
        this.store = new VolumeStore(initialLayout.volumeRecords());
        this.drivers = drivers;
        this.layout = layout;
        this.containers = containers;
        store.loadAll().forEach(v -> volumes.put(v.name(), v));
    }

    /** What containers need of volumes: resolving them at create, mounting them at start, {@code rm -v}. */
    public ContainerVolumes containers() {
        return new ContainerVolumes(this);
    }

    @Override
    public synchronized Volume create(VolumeRequest request) {
        return create(request, false);
    }

    synchronized Volume create(VolumeRequest request, boolean anonymous) {
        String name = request.name().isEmpty() ? VolumeNames.anonymous() : VolumeNames.check(request.name());
        Volume existing = volumes.get(name);
        if (existing != null) {
            if (!existing.driver().equals(request.driver())) {
                throw new EngineException(Kind.CONFLICT, "create " + name + ": volume name must be unique: it"
                        + " exists with driver " + existing.driver() + ", not " + request.driver());
            }
            return existing;
        }
        VolumeDriver driver = drivers.apply(request.driver());
        Path home = layout.get().volumeHome(driver.name());
        try {
            driver.create(name, request.options(), home);
        } catch (IllegalArgumentException e) {
            throw new EngineException(Kind.INVALID, "create " + name + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new EngineException(Kind.FAILED, "create " + name + ": " + e.getMessage(), e);
        }
        Map<String, String> labels = new java.util.LinkedHashMap<>(request.labels());
        if (anonymous) {
            labels.put(Volume.ANONYMOUS_LABEL, "");
        }
        Volume volume = new Volume(name, driver.name(), driver.path(name, home).toString(), request.options(),
                labels, Instant.now(), anonymous);
        try {
            store.save(volume);
        } catch (IOException e) {
            removeQuietly(driver, name, home);
            throw new EngineException(Kind.FAILED, "create " + name + ": cannot save its record: " + e.getMessage(),
                    e);
        }
        volumes.put(name, volume);
        return volume;
    }

    @Override
    public List<Volume> list() {
        return volumes.values().stream().sorted(Comparator.comparing(Volume::name)).toList();
    }

    @Override
    public Volume get(String name) {
        Volume volume = volumes.get(name);
        if (volume == null) {
            throw new EngineException(Kind.NOT_FOUND, "get " + name + ": no such volume");
        }
        return volume;
    }

    @Override
    public List<String> usedBy(String name) {
        return containers.get().stream().filter(c -> uses(c, name)).map(ContainerRecord::id).sorted().toList();
    }

    static boolean uses(ContainerRecord container, String volume) {
        return container.spec().mounts().stream().anyMatch(m -> m.type() == MountSpec.Type.VOLUME
                && m.volume().name().equals(volume));
    }

    /**
     * The record goes first, the data after: an engine killed in between leaves data no record names, which the
     * driver's restore deletes at the next start, never a record whose data is half gone.
     */
    @Override
    public synchronized void remove(String name, boolean force) {
        Volume volume = volumes.get(name);
        if (volume == null) {
            if (force) {
                return;
            }
            throw new EngineException(Kind.NOT_FOUND, "remove " + name + ": no such volume");
        }
        List<String> users = usedBy(name);
        if (!users.isEmpty() || pending.contains(name)) {
            throw new EngineException(Kind.CONFLICT, "remove " + name + ": volume is in use - ["
                    + String.join(", ", users.isEmpty() ? List.of("a container being created") : users) + "]");
        }
        VolumeDriver driver = drivers.apply(volume.driver());
        try {
            store.delete(name);
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "remove " + name + ": cannot delete its record: "
                    + e.getMessage(), e);
        }
        volumes.remove(name);
        try {
            driver.remove(name, layout.get().volumeHome(driver.name()));
        } catch (IOException | RuntimeException e) {
            throw new EngineException(Kind.FAILED, "volume " + name + " is removed, but not its data: "
                    + e.getMessage() + "; the driver deletes it at the engine's next start", e);
        }
    }

    @Override
    public synchronized VolumePruneReport prune(Predicate<Volume> which) {
        List<String> deleted = new ArrayList<>();
        long reclaimed = 0;
        for (Volume volume : list()) {
            if (!which.test(volume) || pending.contains(volume.name()) || !usedBy(volume.name()).isEmpty()) {
                continue;
            }
            long size = DiskUsage.of(Path.of(volume.mountpoint()));
            try {
                remove(volume.name(), false);
                deleted.add(volume.name());
                reclaimed += size;
            } catch (EngineException e) {
                LOG.warning("prune: " + e.getMessage());
            }
        }
        return new VolumePruneReport(deleted, reclaimed);
    }

    /** Every volume of {@code driver} with its options, for the driver's restore. */
    public Map<String, Map<String, String>> ofDriver(String driver) {
        Map<String, Map<String, String>> of = new java.util.TreeMap<>();
        volumes.values().stream().filter(v -> v.driver().equals(driver)).forEach(v -> of.put(v.name(), v.options()));
        return of;
    }

    // ---- for ContainerVolumes

    VolumeDriver driver(Volume volume) {
        return drivers.apply(volume.driver());
    }

    Path home(Volume volume) {
        return layout.get().volumeHome(volume.driver());
    }

    synchronized void reserve(String name) {
        pending.add(name);
    }

    synchronized void release(java.util.Collection<String> names) {
        pending.removeAll(names);
    }

    private static void removeQuietly(VolumeDriver driver, String name, Path home) {
        try {
            driver.remove(name, home);
        } catch (IOException | RuntimeException e) {
            LOG.warning("cannot undo the create of volume " + name + ": " + e.getMessage());
        }
    }
}
