package io.holdfast.volume.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.common.io.AtomicFile;
import io.holdfast.common.io.Directories;
import io.holdfast.spi.volume.VolumeDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Component;

/**
 * Docker's {@code local} volume driver. Each volume is {@code <home>/<name>/_data} (home is
 * {@code <data-root>/volumes}, as Docker's {@code /var/lib/docker/volumes}), with its options in
 * {@code <home>/<name>/opts.json}. A volume with {@code type} and {@code device} is mounted on its {@code _data} at
 * its first use and stays mounted until it is removed: the engine's death unmounts nothing (the mount belongs to
 * the host's mount table, not to the engine), and {@link #restore} and {@link #mount} find it mounted and leave it.
 * Docker unmounts such a volume when its last container stops, so a tmpfs volume's files are lost then; here they
 * last until the volume is removed or the host reboots.
 */
@Component(property = VolumeDriver.NAME + "=local")
public class LocalVolumeDriver implements VolumeDriver {
    private static final Logger LOG = Logger.getLogger(LocalVolumeDriver.class.getName());
    static final String DATA = "_data";
    static final String OPTIONS_FILE = "opts.json";
    /** Creates in progress; no volume name starts with a dot, so this never clashes with one. */
    static final String CREATING = ".creating";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Mounts mounts;

    public LocalVolumeDriver() {
        this(new SystemMounts());
    }

    LocalVolumeDriver(Mounts mounts) {
        this.mounts = mounts;
    }

    @Override
    public String name() {
        return "local";
    }

    /** Made under {@code .creating/} and renamed into place, so a crash leaves a volume whole or not at all. */
    @Override
    public void create(String volume, Map<String, String> options, Path home) throws IOException {
        LocalOptions checked = LocalOptions.of(options);
        Path dir = home.resolve(volume);
        if (Files.isDirectory(dir)) {
            if (!readOptions(dir).equals(checked.asMap())) {
                throw new IllegalArgumentException("volume " + volume + " exists with other options: "
                        + readOptions(dir));
            }
            return;
        }
        Directories.createPrivate(home);
        Path partial = home.resolve(CREATING).resolve(volume);
        Directories.deleteTree(partial);
        try {
            Files.createDirectories(partial.resolve(DATA));
            AtomicFile.write(partial.resolve(OPTIONS_FILE), JSON.writeValueAsBytes(checked.asMap()));
            Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
            AtomicFile.syncDirectory(home);
        } catch (IOException | RuntimeException e) {
            Directories.deleteTree(partial);
            throw e;
        }
    }

    @Override
    public Path mount(String volume, Map<String, String> options, Path home) throws IOException {
        LocalOptions checked = LocalOptions.of(options);
        Path data = path(volume, home);
        if (!Files.isDirectory(data)) {
            throw new IOException("volume " + volume + ": its directory " + data + " is missing (deleted outside "
                    + "the engine?)");
        }
        if (checked.mounted() && !mounts.isMountPoint(data)) {
            mounts.mount(checked, data); // its first use, or the first since the host rebooted
        }
        return data;
    }

    @Override
    public Path path(String volume, Path home) {
        return home.resolve(volume).resolve(DATA);
    }

    @Override
    public void remove(String volume, Path home) throws IOException {
        Path dir = home.resolve(volume);
        if (!Files.exists(dir)) {
            return;
        }
        mounts.unmount(dir.resolve(DATA)); // throws while busy: then nothing is deleted
        Directories.deleteTree(dir);
        AtomicFile.syncDirectory(home);
    }

    /**
     * Listed volumes are left exactly as they are, mounted or not (a mount a reboot took is made again by the next
     * {@link #mount}). Unlisted ones are a remove the engine recorded but a crash cut short, or a create that never
     * got its record: unmounted and deleted. Failures are collected, so one stuck volume does not keep the others.
     */
    @Override
    public void restore(Map<String, Map<String, String>> volumes, Path home) throws IOException {
        if (!Files.isDirectory(home)) {
            return;
        }
        Directories.deleteTree(home.resolve(CREATING));
        List<String> failures = new ArrayList<>();
        try (Stream<Path> entries = Files.list(home)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (volumes.containsKey(name) || !Files.isDirectory(entry)) {
                    continue;
                }
                try {
                    remove(name, home);
                    LOG.info(() -> "local volume " + name + " belongs to no volume record: removed");
                } catch (IOException e) {
                    failures.add(name + ": " + e.getMessage());
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new IOException("cannot remove leftover volumes: " + String.join("; ", failures));
        }
    }

    private static Map<String, String> readOptions(Path dir) throws IOException {
        Path file = dir.resolve(OPTIONS_FILE);
        return Files.exists(file) ? JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() { })
                : Map.of();
    }
}
