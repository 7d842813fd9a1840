package io.holdfast.supervisor.oci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns Docker's {@code User} ({@code name}, {@code uid}, {@code name:group}, {@code uid:gid}, mixed) into ids by
 * reading the container's own {@code /etc/passwd} and {@code /etc/group}, with the rules of runc's
 * {@code GetExecUser} that Docker uses: a numeric user need not be listed (its group is then 0); a name must be; a
 * user without an explicit group gets its passwd group plus every group that lists it as a member.
 *
 * <pre>{@code ResolvedUser user = UserResolver.resolve(Path.of(rootfs), "app:staff");}</pre>
 */
public final class UserResolver {
    private UserResolver() {
    }

    /** @throws UnknownUserException if a name is not found; the message says which and where it looked */
    public static ResolvedUser resolve(Path rootfs, String user) throws IOException {
        if (user == null || user.isEmpty()) {
            return ResolvedUser.ROOT;
        }
        int colon = user.indexOf(':');
        String userPart = colon < 0 ? user : user.substring(0, colon);
        String groupPart = colon < 0 ? "" : user.substring(colon + 1);
        List<String[]> passwd = entries(rootfs, "/etc/passwd");
        Optional<String[]> entry = passwd.stream()
                .filter(e -> e.length >= 4 && (isNumber(userPart) ? e[2].equals(userPart) : e[0].equals(userPart)))
                .findFirst();
        if (entry.isEmpty() && !isNumber(userPart)) {
            throw new UnknownUserException("unable to find user " + userPart + ": no matching entries in passwd file");
        }
        long uid = isNumber(userPart) ? id(userPart, "user") : id(entry.get()[2], "user");
        long gid = entry.map(e -> parseOrZero(e[3])).orElse(0L);
        List<String[]> groups = entries(rootfs, "/etc/group");
        List<Long> additional = new ArrayList<>();
        if (!groupPart.isEmpty()) {
            gid = isNumber(groupPart) ? id(groupPart, "group") : groups.stream()
                    .filter(g -> g.length >= 3 && g[0].equals(groupPart)).findFirst()
                    .map(g -> id(g[2], "group"))
                    .orElseThrow(() -> new UnknownUserException("unable to find group " + groupPart
                            + ": no matching entries in group file"));
        } else if (entry.isPresent()) {
            String name = entry.get()[0];
            for (String[] group : groups) {
                if (group.length >= 4 && List.of(group[3].split(",")).contains(name)) {
                    long member = id(group[2], "group");
                    if (member != gid && !additional.contains(member)) {
                        additional.add(member);
                    }
                }
            }
        }
        return new ResolvedUser(uid, gid, additional);
    }

    /** The file's colon-separated lines, none if the image has no such file. */
    private static List<String[]> entries(Path rootfs, String file) throws IOException {
        Path path = RootPath.resolve(rootfs, file);
        if (!Files.isRegularFile(path)) {
            return List.of();
        }
        List<String[]> entries = new ArrayList<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                entries.add(trimmed.split(":", -1));
            }
        }
        return entries;
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }

    private static long id(String text, String kind) {
        try {
            long value = Long.parseLong(text);
            if (value < 0 || value > 0xFFFF_FFFEL) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UnknownUserException(kind + " id \"" + text + "\" is out of range (0 to 4294967294)");
        }
    }

    private static long parseOrZero(String text) {
        return isNumber(text) ? id(text, "group") : 0;
    }

    /** The user or group is not in the container's files, or its id is not a valid id. */
    public static final class UnknownUserException extends RuntimeException {
        UnknownUserException(String message) {
            super(message);
        }
    }
}
