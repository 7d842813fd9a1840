package io.holdfast.common.tar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Applies a tar entry's owner, permission bits and modification time to what was extracted for it. Never follows a
 * symbolic link. Ownership is set first because {@code chown} may clear permission bits.
 */
public final class EntryAttributes {
    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    private final boolean root;
    /** Every entry's owner instead of the tar's, or null to keep the tar's. */
    private final long[] owner;

    /** @param root whether this process may give files away; if not, failed {@code chown}s are ignored */
    public EntryAttributes(boolean root) {
        this(root, null);
    }

    private EntryAttributes(boolean root, long[] owner) {
        this.root = root;
        this.owner = owner;
    }

    /** The same, but everything is owned by {@code uid:gid} (Docker's cp without {@code copyUIDGID}: root). */
    public EntryAttributes ownedBy(long uid, long gid) {
        return new EntryAttributes(root, new long[] {uid, gid});
    }

    /** Owner, mode and mtime for a regular file or directory. */
    void applyAll(Path path, TarArchiveEntry entry) throws IOException {
        applyOwner(path, entry);
        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setPermissions(permissions(entry.getMode()));
        applyTime(path, entry);
    }

    /** Owner and mtime for a symbolic link; links have no mode of their own on Linux. */
    void applyToLink(Path link, TarArchiveEntry entry) throws IOException {
        applyOwner(link, entry);
        applyTime(link, entry);
    }

    private void applyOwner(Path path, TarArchiveEntry entry) throws IOException {
        try {
            long uid = owner == null ? entry.getLongUserId() : owner[0];
            long gid = owner == null ? entry.getLongGroupId() : owner[1];
            Files.setAttribute(path, "unix:uid", Math.toIntExact(uid), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", Math.toIntExact(gid), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | ArithmeticException | UnsupportedOperationException e) {
            if (root) {
                throw e instanceof IOException io ? io : new IOException("cannot set owner "
                        + entry.getLongUserId() + ":" + entry.getLongGroupId(), e);
            }
        }
    }

    private static void applyTime(Path path, TarArchiveEntry entry) throws IOException {
        if (entry.getLastModifiedTime() != null) {
            Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(entry.getLastModifiedTime(), null, null);
        }
    }

    /** The plain rwx bits of a tar mode; set-id and sticky bits are dropped. */
    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < BITS.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                result.add(BITS[bit]);
            }
        }
        return result;
    }
}
