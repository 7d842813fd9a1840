package io.holdfast.storage.overlay;

import io.holdfast.common.io.AtomicFile;
import io.holdfast.common.io.Directories;
import io.holdfast.spi.storage.StorageDriver;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Component;

/**
 * The overlay driver: each container's root filesystem is an overlayfs mount whose read-only lower layer is the
 * image's root filesystem, shared by every container of that image and never modified, and whose upper layer under
 * {@code <data-root>/storage/overlay/<id>/upper} receives the container's changes. Creating a container costs a few
 * directories and one mount instead of vfs's full copy.
 *
 * <p>Mounts outlive the engine, as containers do: {@link #restore} finds them again in {@code /proc/self/mountinfo},
 * leaves a mounted container's root filesystem exactly as it is, mounts again from {@code layer.json} what a reboot
 * unmounted, and unmounts and deletes whatever belongs to no container. Mounting runs util-linux {@code mount} (see
 * {@link SystemMounts}). Every method blocks on disk I/O and mount calls; {@link #remove} may also wait about a second
 * for a busy mount.
 */
@Component(property = StorageDriver.NAME + "=overlay")
public class OverlayStorageDriver implements StorageDriver {
    private static final Logger LOG = Logger.getLogger(OverlayStorageDriver.class.getName());
    /** Lower layers stacked at most; Docker's overlay2 allows 128 with short link names, these are full paths. */
    static final int MAX_LAYERS = 32;

    private final Mounts mounts;
    private final Unmounter unmounter;
    /** create and remove of different containers run together; restore runs alone, so it never sees half a create. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /**
     * Containers this instance created and has not removed. A restore never deletes these even if the engine's list
     * lacks them: a create that finished after the engine took its list (a driver bound while containers are made).
     */
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    public OverlayStorageDriver() {
        this(new SystemMounts(), Duration.ofMillis(200));
    }

    /** For tests: other mount calls, and the pause between tries to unmount a busy mount. */
    OverlayStorageDriver(Mounts mounts, Duration unmountPause) {
        this.mounts = mounts;
        this.unmounter = new Unmounter(mounts, 5, unmountPause);
    }

    @Override
    public String name() {
        return "overlay";
    }

    /**
     * Makes {@code <home>/<id>/{upper,work,merged}}, records the lower layer in {@code layer.json} and mounts the
     * overlay on {@code merged}, which it returns. On failure it undoes all of it (unmounts, deletes the directory) and
     * throws. Refuses a container whose directory already exists: that may be another container's mounted rootfs.
     * Blocks on disk I/O and on {@code mount}.
     */
    @Override
    public Path create(String containerId, Path imageRootfs, Path home) throws IOException {
        return create(containerId, List.of(imageRootfs), home);
    }

    /**
     * A layered image's layers become the overlay's lower layers, stacked as they are (shared by every container of
     * every image that has them); at most {@link #MAX_LAYERS}, as the kernel's mount options fit in one page.
     */
    @Override
    public Path create(String containerId, List<Path> layers, Path home) throws IOException {
        if (layers.isEmpty() || layers.size() > MAX_LAYERS) {
            throw new IOException("cannot create the overlay of container " + containerId + ": the image has "
                    + layers.size() + " layers; the overlay driver stacks 1 to " + MAX_LAYERS);
        }
        lock.readLock().lock();
        try {
            Files.createDirectories(home);
            ContainerLayout layout = ContainerLayout.of(home.toRealPath(), containerId);
            List<Path> lowers = new ArrayList<>();
            for (Path layer : layers) {
                lowers.add(lowerLayer(containerId, layer));
            }
            Path lower = lowers.get(lowers.size() - 1);
            if (String.join(":", lowers.stream().map(Path::toString).toList()).length() > 3500) {
                throw new IOException("cannot create the overlay of container " + containerId + ": the paths of its "
                        + "image's " + lowers.size() + " layers do not fit in the overlay mount options");
            }
            try {
                Files.createDirectory(layout.dir());
            } catch (FileAlreadyExistsException e) {
                throw new IOException("cannot create the overlay of container " + containerId + ": " + layout.dir()
                        + " already exists", e);
            }
            try {
                Files.createDirectory(layout.upper());
                copyOwnerAndMode(lower, layout.upper()); // the upper dir's attributes are those of the rootfs's /
                Files.createDirectory(layout.work());
                Files.createDirectory(layout.merged());
                LayerFile.write(layout.layerFile(), lowers); // before mounting: a mounted overlay always has its record
                AtomicFile.syncDirectory(layout.dir());
                mounts.mountOverlay(lowers, layout.upper(), layout.work(), layout.merged());
            } catch (IOException | RuntimeException e) {
                IOException failure = new IOException("cannot create the overlay of container " + containerId
                        + " in " + layout.dir() + ": " + describe(e), e);
                try {
                    discard(layout.dir(), containerId);
                } catch (IOException | RuntimeException undo) {
                    failure.addSuppressed(undo);
                }
                throw failure;
            }
            created.add(containerId);
            LOG.fine(() -> "container " + containerId + ": overlay mounted on " + layout.merged() + " over " + lower);
            return layout.merged();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Unmounts the container's overlay, if mounted, and deletes {@code <home>/<id>}. A busy mount is retried for about
     * a second, then detached lazily with a warning. Removing what does not exist succeeds. Blocks on {@code umount}
     * and disk I/O.
     */
    @Override
    public void remove(String containerId, Path home) throws IOException {
        lock.readLock().lock();
        try {
            if (Files.isDirectory(home)) {
                ContainerLayout layout = ContainerLayout.of(home.toRealPath(), containerId);
                try {
                    discard(layout.dir(), containerId);
                } catch (FileSystemException e) {
                    throw new IOException("cannot remove the overlay of container " + containerId + " in "
                            + layout.dir() + ": " + describe(e), e);
                }
            }
            created.remove(containerId);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Keeps every known container's mounted overlay exactly as it is (never remounted), mounts again those a reboot
     * unmounted, and unmounts and deletes every directory and mount under {@code home} that belongs to no known
     * container. One container's failure does not stop the others; all failures are thrown together at the end.
     * Blocks on disk I/O and on {@code mount}/{@code umount}.
     */
    @Override
    public void restore(Set<String> containerIds, Path home) throws IOException {
        lock.writeLock().lock();
        try {
            if (!Files.isDirectory(home)) {
                if (!containerIds.isEmpty()) {
                    throw new IOException("no overlay for containers " + new TreeSet<>(containerIds) + ": " + home
                            + " does not exist");
                }
                return;
            }
            Path realHome = home.toRealPath();
            MountTable table = mounts.table();
            Set<String> names = new TreeSet<>();
            try (Stream<Path> entries = Files.list(realHome)) {
                entries.forEach(entry -> names.add(entry.getFileName().toString()));
            }
            table.below(realHome).forEach(m -> names.add(realHome.relativize(m.mountPoint()).getName(0).toString()));

            List<String> failures = new ArrayList<>();
            for (String name : names) {
                try {
                    if (containerIds.contains(name) || created.contains(name)) {
                        keep(ContainerLayout.of(realHome, name), table);
                    } else {
                        LOG.info("overlay storage: removing " + realHome.resolve(name) + ", which belongs to no "
                                + "container");
                        discard(realHome.resolve(name), name);
                    }
                } catch (IOException | RuntimeException e) {
                    String failure = (containerIds.contains(name) ? "container " : "leftover ") + name + ": "
                            + describe(e);
                    LOG.log(Level.WARNING, "overlay restore: " + failure, e);
                    failures.add(failure);
                }
            }
            for (String id : new TreeSet<>(containerIds)) {
                if (!names.contains(id)) {
                    failures.add("container " + id + ": no overlay under " + realHome.resolve(id));
                }
            }
            if (!failures.isEmpty()) {
                throw new IOException(String.join("; ", failures));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A known container: left alone if mounted, mounted again from its layer.json if not. */
    private void keep(ContainerLayout layout, MountTable table) throws IOException {
        String id = layout.containerId();
        if (table.at(layout.merged()).isPresent()) {
            LOG.fine(() -> "container " + id + ": " + layout.merged() + " is mounted; left as it is");
            return;
        }
        if (!Files.isDirectory(layout.dir(), LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(layout.dir() + " is not a directory");
        }
        deleteLeftoverTemporaries(layout.dir());
        List<Path> lowers = LayerFile.readAll(layout.layerFile(), id);
        for (Path lower : lowers) {
            if (!Files.isDirectory(lower)) {
                throw new IOException("its lower layer " + lower + " (recorded in " + layout.layerFile()
                        + ") is not a directory");
            }
        }
        if (!Files.isDirectory(layout.upper(), LinkOption.NOFOLLOW_LINKS)) {
            // an empty upper layer would silently give the container a fresh root filesystem
            throw new IOException("its upper layer " + layout.upper() + " is missing");
        }
        Files.createDirectories(layout.work());
        Files.createDirectories(layout.merged());
        mounts.mountOverlay(lowers, layout.upper(), layout.work(), layout.merged());
        LOG.info("container " + id + ": overlay mounted again on " + layout.merged() + " over " + lowers);
    }

    /** Unmounts everything on or below {@code dir}, then deletes it; deleting never reaches through a mount. */
    private void discard(Path dir, String containerId) throws IOException {
        unmounter.unmountAll(dir, containerId);
        Directories.deleteTree(dir);
    }

    /** The image's root filesystem, resolved: it must be a directory and usable in the mount options. */
    private static Path lowerLayer(String containerId, Path imageRootfs) throws IOException {
        if (!Files.isDirectory(imageRootfs)) {
            throw new IOException("cannot create the overlay of container " + containerId + ": the image's root "
                    + "filesystem " + imageRootfs + " is not a directory");
        }
        Path lower = imageRootfs.toRealPath();
        try {
            SystemMounts.optionValue(lower);
        } catch (IOException e) {
            throw new IOException("cannot create the overlay of container " + containerId + ": " + e.getMessage(), e);
        }
        return lower;
    }

    private static void copyOwnerAndMode(Path from, Path to) throws IOException {
        Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        Files.setAttribute(to, "unix:uid", Files.getAttribute(from, "unix:uid"));
        Files.setAttribute(to, "unix:gid", Files.getAttribute(from, "unix:gid"));
    }

    /** Temporary files an interrupted {@link AtomicFile#write} left in the container's directory. */
    private static void deleteLeftoverTemporaries(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.filter(AtomicFile::isLeftover).toList()) {
                Files.deleteIfExists(entry);
            }
        }
    }

    /** File-system exceptions carry only a path as their message; say what happened to it. */
    private static String describe(Throwable e) {
        if (e instanceof FileSystemException f && f.getMessage() != null && f.getMessage().equals(f.getFile())) {
            return e.getClass().getSimpleName().replace("Exception", "") + ": " + f.getFile();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
