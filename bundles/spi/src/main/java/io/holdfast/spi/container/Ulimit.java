package io.holdfast.spi.container;

import java.util.List;

/**
 * One resource limit (rlimit) the container's process starts with: Docker's {@code HostConfig.Ulimits} entry.
 *
 * <pre>{@code new Ulimit("nofile", 1024, 2048) // RLIMIT_NOFILE soft 1024, hard 2048}</pre>
 *
 * @param name one of {@link #NAMES}, as {@code ulimit} spells it ({@code nofile}, {@code nproc}, ...)
 * @param soft the soft limit, at most {@code hard}; -1 is unlimited
 * @param hard the hard limit; -1 is unlimited
 */
public record Ulimit(String name, long soft, long hard) {
    /** The names Docker accepts (go-units' ulimit table). */
    public static final List<String> NAMES = List.of("as", "core", "cpu", "data", "fsize", "locks", "memlock",
            "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack");

    public Ulimit {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("ulimit \"" + name + "\": expected one of " + String.join(", ", NAMES));
        }
        if (Long.compareUnsigned(soft, hard) > 0) {
            throw new IllegalArgumentException("ulimit " + name + ": soft limit " + soft
                    + " must be less than or equal to hard limit " + hard);
        }
    }

    /** The OCI spec's name, e.g. {@code RLIMIT_NOFILE}. */
    public String rlimitType() {
        return "RLIMIT_" + name.toUpperCase(java.util.Locale.ROOT);
    }
}
