package io.holdfast.supervisor.oci;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * Turns a {@link SeccompProfile} into the OCI {@code linux.seccomp} of one container, as Docker does: a rule whose
 * {@code includes} names capabilities applies only when the container holds all of them, one whose {@code excludes}
 * names a capability it holds is left out, and the same for the host's architecture and kernel. runc and crun both
 * read the result.
 *
 * <pre>{@code ObjectNode seccomp = SeccompFilter.forHost().oci(profile, List.of("CAP_CHOWN", ...));}</pre>
 *
 * @param goArch        the host's architecture as Docker profiles spell it in {@code arches}: {@code amd64},
 *                      {@code arm64}
 * @param nativeArch    the same as libseccomp spells it: {@code SCMP_ARCH_X86_64}
 * @param kernel        the running kernel's major and minor number, e.g. {@code 6.1}
 */
public record SeccompFilter(String goArch, String nativeArch, Kernel kernel) {
    /** A kernel release's major and minor number. */
    public record Kernel(int major, int minor) {
        /** {@code 6.18.44-fc} is 6.18; anything unreadable is 0.0, so no minKernel rule applies. */
        static Kernel of(String osVersion) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)").matcher(osVersion);
            return m.find() ? new Kernel(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : new Kernel(0, 0);
        }

        boolean atLeast(String minKernel) {
            String[] parts = minKernel.split("\\.");
            int wantMajor = Integer.parseInt(parts[0]);
            return major > wantMajor || (major == wantMajor && minor >= Integer.parseInt(parts[1]));
        }
    }

    /** The filter for the machine this engine runs on. */
    public static SeccompFilter forHost() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        Kernel kernel = Kernel.of(System.getProperty("os.version"));
        return switch (arch) {
            case "amd64", "x86_64" -> new SeccompFilter("amd64", "SCMP_ARCH_X86_64", kernel);
            case "aarch64", "arm64" -> new SeccompFilter("arm64", "SCMP_ARCH_AARCH64", kernel);
            default -> throw new IllegalStateException("seccomp: architecture " + arch + " is not supported");
        };
    }

    /** The OCI {@code linux.seccomp} for a container holding {@code capabilities}. */
    public ObjectNode oci(SeccompProfile profile, List<String> capabilities) {
        ObjectNode seccomp = OciSpec.JSON.createObjectNode();
        seccomp.put("defaultAction", profile.defaultAction());
        if (profile.defaultErrnoRet() != null) {
            seccomp.put("defaultErrnoRet", profile.defaultErrnoRet());
        }
        OciSpec.strings(seccomp.putArray("architectures"), architectures(profile));
        if (!profile.flags().isEmpty()) {
            OciSpec.strings(seccomp.putArray("flags"), profile.flags());
        }
        ArrayNode syscalls = seccomp.putArray("syscalls");
        for (SeccompProfile.Rule rule : profile.syscalls()) {
            if (!applies(rule, capabilities)) {
                continue;
            }
            ObjectNode call = syscalls.addObject();
            OciSpec.strings(call.putArray("names"), rule.names());
            call.put("action", rule.action());
            if (rule.errnoRet() != null) {
                call.put("errnoRet", rule.errnoRet());
            }
            if (!rule.args().isEmpty()) {
                ArrayNode args = call.putArray("args");
                for (SeccompProfile.Arg arg : rule.args()) {
                    // unsigned 64-bit in the spec: a negative long is written as its unsigned value
                    args.addObject().put("index", arg.index())
                            .put("value", new java.math.BigInteger(Long.toUnsignedString(arg.value())))
                            .put("valueTwo", new java.math.BigInteger(Long.toUnsignedString(arg.valueTwo())))
                            .put("op", arg.op());
                }
            }
        }
        return seccomp;
    }

    private List<String> architectures(SeccompProfile profile) {
        if (!profile.architectures().isEmpty()) {
            return profile.architectures();
        }
        for (SeccompProfile.ArchMapping mapping : profile.archMap()) {
            if (mapping.architecture().equals(nativeArch)) {
                List<String> arches = new java.util.ArrayList<>(List.of(nativeArch));
                arches.addAll(mapping.subArchitectures());
                return arches;
            }
        }
        return List.of(nativeArch);
    }

    boolean applies(SeccompProfile.Rule rule, List<String> capabilities) {
        SeccompProfile.Condition in = rule.includes();
        SeccompProfile.Condition out = rule.excludes();
        boolean included = capabilities.containsAll(in.caps())
                && (in.arches().isEmpty() || in.arches().contains(goArch))
                && (in.minKernel().isEmpty() || kernel.atLeast(in.minKernel()));
        boolean excluded = out.caps().stream().anyMatch(capabilities::contains)
                || out.arches().contains(goArch)
                || (!out.minKernel().isEmpty() && kernel.atLeast(out.minKernel()));
        return included && !excluded;
    }
}
