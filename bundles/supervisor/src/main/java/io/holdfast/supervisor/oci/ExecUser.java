package io.holdfast.supervisor.oci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves Docker's {@code User} ({@code user}, {@code user:group}, {@code uid}, {@code uid:gid}) against the
 * container's own {@code /etc/passwd} and {@code /etc/group}, as runc's {@code GetExecUser} does: a name must exist; a
 * numeric uid need not (its group is then 0); without an explicit group the user's primary group and the groups that
 * list it as a member apply.
 *
 * <pre>{@code ExecUser.Resolved user = ExecUser.resolve("nobody", Path.of(record.rootfs()));}</pre>
 */
public final class ExecUser {

    /** The ids the process runs with. */
    public record Resolved(long uid, long gid, List<Long> additionalGids) {
    }

    private record Entry(String name, long id, long gid, List<String> members) {
    }

    private ExecUser() {
    }

    /** Throws IllegalArgumentException with a sentence naming what is missing. */
    public static Resolved resolve(String spec, Path rootfs) throws IOException {
        int colon = spec.indexOf(':');
        String userPart = colon < 0 ? spec : spec.substring(0, colon);
        String groupPart = colon < 0 ? "" : spec.substring(colon + 1);
        if (userPart.isEmpty()) {
            throw new IllegalArgumentException("User \"" + spec + "\": no user given");
        }
        List<Entry> passwd = read(ScopedPath.resolve(rootfs, "/etc/passwd"), false);
        Optional<Entry> user = isNumber(userPart)
                ? passwd.stream().filter(e -> e.id() == Long.parseLong(userPart)).findFirst()
                : passwd.stream().filter(e -> e.name().equals(userPart)).findFirst();
        if (user.isEmpty() && !isNumber(userPart)) {
            throw new IllegalArgumentException("unable to find user " + userPart
                    + ": no matching entries in passwd file");
        }
        long uid = isNumber(userPart) ? Long.parseLong(userPart) : user.get().id();
        List<Entry> groups = read(ScopedPath.resolve(rootfs, "/etc/group"), true);
        if (!groupPart.isEmpty()) {
            if (isNumber(groupPart)) {
                return new Resolved(uid, Long.parseLong(groupPart), List.of());
            }
            Entry group = groups.stream().filter(e -> e.name().equals(groupPart)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("unable to find group " + groupPart
                            + ": no matching entries in group file"));
            return new Resolved(uid, group.id(), List.of());
        }
        long gid = user.map(Entry::gid).orElse(0L);
        List<Long> additional = new ArrayList<>();
        user.ifPresent(u -> groups.stream().filter(g -> g.members().contains(u.name()) && g.id() != gid)
                .forEach(g -> additional.add(g.id())));
        return new Resolved(uid, gid, additional);
    }

    /** {@code name:x:id:gid:...} for passwd, {@code name:x:gid:member,member} for group; a missing file is empty. */
    private static List<Entry> read(Path file, boolean group) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return entries;
        }
        for (String line : lines) {
            String[] f = line.split(":", -1);
            if (line.startsWith("#") || f.length < (group ? 3 : 4) || !isNumber(f[2])) {
                continue;
            }
            if (group) {
                List<String> members = f.length > 3 && !f[3].isEmpty() ? List.of(f[3].split(",")) : List.of();
                entries.add(new Entry(f[0], Long.parseLong(f[2]), Long.parseLong(f[2]), members));
            } else if (isNumber(f[3])) {
                entries.add(new Entry(f[0], Long.parseLong(f[2]), Long.parseLong(f[3]), List.of()));
            }
        }
        return entries;
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() < 11;
    }
}
