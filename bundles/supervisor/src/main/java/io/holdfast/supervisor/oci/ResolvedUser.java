package io.holdfast.supervisor.oci;

import java.util.List;

/**
 * The numeric identity a container's process runs as, after its {@code User} was looked up in the container's
 * {@code /etc/passwd} and {@code /etc/group}.
 *
 * @param uid            the user id
 * @param gid            the primary group id
 * @param additionalGids supplementary groups: those {@code /etc/group} lists the user in
 */
public record ResolvedUser(long uid, long gid, List<Long> additionalGids) {
    public static final ResolvedUser ROOT = new ResolvedUser(0, 0, List.of());

    public ResolvedUser {
        additionalGids = List.copyOf(additionalGids);
    }
}
