package io.holdfast.storage.overlay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of the mount table as {@code /proc/self/mountinfo} shows it: which file systems are mounted where.
 * The driver asks it what is mounted under its home; it never looks at anything else.
 *
 * <p>Each mountinfo line reads {@code id parent major:minor root mount-point options [optional...] - fstype source
 * super-options}; the kernel writes space, tab, newline and backslash in paths as octal escapes ({@code \040},
 * {@code \011}, {@code \012}, {@code \134}), which this class decodes. The snapshot is immutable; read a new one after
 * mounting or unmounting.
 */
final class MountTable {
    static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    /** One mounted file system. Entries appear in mount order: one mounted later on the same point lies on top. */
    record Mount(int id, int parentId, Path mountPoint, String fsType, String source, String superOptions) {
        boolean isOverlay() {
            return fsType.equals("overlay");
        }
    }

    private final List<Mount> mounts;
    /** The visible mount of each mount point: a restore asks for every container's. */
    private final Map<Path, Mount> topmost = new HashMap<>();

    MountTable(List<Mount> mounts) {
        this.mounts = List.copyOf(mounts);
        this.mounts.forEach(m -> topmost.put(m.mountPoint(), m)); // later ones lie on top
    }

    /** Reads this process's mount table. Blocks briefly on the kernel generating the file. */
    static MountTable read() throws IOException {
        return parse(Files.readString(MOUNTINFO, StandardCharsets.ISO_8859_1));
    }

    /**
     * Parses mountinfo text. The text is taken as ISO-8859-1 (one char per byte) so that escaped and unescaped bytes
     * of non-ASCII paths decode together as UTF-8.
     */
    static MountTable parse(String text) throws IOException {
        List<Mount> mounts = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                mounts.add(parseLine(line));
            }
        }
        return new MountTable(mounts);
    }

    private static Mount parseLine(String line) throws IOException {
        String[] fields = line.split(" ");
        int separator = List.of(fields).indexOf("-");
        if (fields.length < 7 || separator < 6 || fields.length < separator + 3) {
            throw new IOException("cannot parse this line of " + MOUNTINFO + ": " + line);
        }
        try {
            return new Mount(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]), Path.of(unescape(fields[4])),
                    fields[separator + 1], unescape(fields[separator + 2]),
                    separator + 3 < fields.length ? unescape(fields[separator + 3]) : "");
        } catch (NumberFormatException | java.nio.file.InvalidPathException e) {
            throw new IOException("cannot parse this line of " + MOUNTINFO + ": " + line, e);
        }
    }

    /** Decodes the kernel's octal escapes ({@code \040} is a space) and the bytes as UTF-8. */
    static String unescape(String field) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && isOctal(field, i + 1)) {
                bytes.write(Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                bytes.write(c & 0xff);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isOctal(String s, int from) {
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }

    /** Every mount, in mount order. */
    List<Mount> all() {
        return mounts;
    }

    /** The mounts strictly below {@code dir} (not on {@code dir} itself), in mount order. */
    List<Mount> below(Path dir) {
        return mounts.stream().filter(m -> !m.mountPoint().equals(dir) && m.mountPoint().startsWith(dir)).toList();
    }

    /** The mounts on {@code dir} or below it, in mount order. */
    List<Mount> atOrBelow(Path dir) {
        return mounts.stream().filter(m -> m.mountPoint().startsWith(dir)).toList();
    }

    /** The mount visible on {@code point} (the last mounted there), if any. */
    Optional<Mount> at(Path point) {
        return Optional.ofNullable(topmost.get(point));
    }
}
