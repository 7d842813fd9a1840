package io.holdfast.spi.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the container may do: Docker's {@code CapAdd}, {@code CapDrop}, {@code ReadonlyRootfs} and
 * {@code SecurityOpt} ({@code no-new-privileges}, {@code seccomp}). Capabilities are kept in the kernel's spelling
 * ({@code CAP_NET_ADMIN}); {@code ALL} stands for every capability.
 *
 * <pre>{@code new SecurityOptions(List.of("NET_ADMIN"), List.of("ALL"), true, true, SecurityOptions.SECCOMP_UNCONFINED)}</pre>
 *
 * @param capAdd          capabilities added to Docker's default set
 * @param capDrop         capabilities removed from it ({@code ALL}: start from none, then add {@code capAdd})
 * @param readonlyRootfs  mount the container's root file system read-only
 * @param noNewPrivileges the process and its children cannot gain privileges (setuid binaries, file capabilities)
 * @param seccomp         the system call filter: {@link #SECCOMP_DEFAULT} (the engine's default profile, also what a
 *                        record written before this option reads as), {@link #SECCOMP_UNCONFINED}, or the JSON text
 *                        of a profile in Docker's format (what {@code docker run --security-opt seccomp=FILE} sends);
 *                        the engine checks the profile at create
 */
public record SecurityOptions(List<String> capAdd, List<String> capDrop, boolean readonlyRootfs,
                              boolean noNewPrivileges, String seccomp) {
    /** The engine's default seccomp profile. */
    public static final String SECCOMP_DEFAULT = "";
    /** No seccomp filter at all. */
    public static final String SECCOMP_UNCONFINED = "unconfined";
    public static final SecurityOptions DEFAULT = new SecurityOptions(List.of(), List.of(), false, false);
    /** Every capability by name, in kernel number order (linux/capability.h up to CAP_CHECKPOINT_RESTORE). */
    public static final List<String> KNOWN_CAPABILITIES = Capabilities.ALL;

    /** Options with the default seccomp profile. */
    public SecurityOptions(List<String> capAdd, List<String> capDrop, boolean readonlyRootfs,
                           boolean noNewPrivileges) {
        this(capAdd, capDrop, readonlyRootfs, noNewPrivileges, SECCOMP_DEFAULT);
    }

    public SecurityOptions {
        capAdd = normalize(capAdd, "CapAdd");
        capDrop = normalize(capDrop, "CapDrop");
        seccomp = seccomp == null ? SECCOMP_DEFAULT : seccomp.strip();
    }

    /** Whether the container runs without a seccomp filter. */
    public boolean seccompUnconfined() {
        return seccomp.equals(SECCOMP_UNCONFINED);
    }

    /** Whether the container runs under a profile of its own (the JSON text in {@link #seccomp}). */
    public boolean seccompCustom() {
        return !seccomp.equals(SECCOMP_DEFAULT) && !seccompUnconfined();
    }

    /** {@code net_admin}, {@code NET_ADMIN} and {@code CAP_NET_ADMIN} are the same capability, as in Docker. */
    private static List<String> normalize(List<String> caps, String field) {
        List<String> normalized = new ArrayList<>();
        for (String cap : caps == null ? List.<String>of() : caps) {
            String upper = cap == null ? "" : cap.trim().toUpperCase(Locale.ROOT);
            if (!upper.matches("ALL|(CAP_)?[A-Z_]+")) {
                throw new IllegalArgumentException(field + ": \"" + cap + "\" is not a capability");
            }
            String name = upper.equals("ALL") || upper.startsWith("CAP_") ? upper : "CAP_" + upper;
            if (!name.equals("ALL") && !Capabilities.ALL.contains(name)) {
                throw new IllegalArgumentException(field + ": unknown capability: \"" + cap + "\"");
            }
            if (!normalized.contains(name)) {
                normalized.add(name);
            }
        }
        return List.copyOf(normalized);
    }

    /**
     * The capabilities the process gets, with Docker's rules: {@code ALL} in {@code capAdd} means every capability;
     * {@code ALL} in {@code capDrop} means none but those added; otherwise {@code defaults} plus added minus dropped.
     */
    public List<String> effective(List<String> defaults) {
        List<String> result = new ArrayList<>();
        if (capAdd.contains("ALL")) {
            result.addAll(Capabilities.ALL);
        } else if (!capDrop.contains("ALL")) {
            result.addAll(defaults);
        }
        if (!capAdd.contains("ALL")) {
            capAdd.stream().filter(cap -> !result.contains(cap)).forEach(result::add);
        }
        result.removeAll(capDrop.stream().filter(cap -> !capAdd.contains(cap)).toList());
        return List.copyOf(result);
    }
}
