package io.holdfast.supervisor.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.spi.container.SecurityOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SeccompProfileTest {
    private static final SeccompFilter X86_64 = new SeccompFilter("amd64", "SCMP_ARCH_X86_64",
            new SeccompFilter.Kernel(6, 1));

    /** Every system call the filter allows without an argument condition. */
    private static List<String> allowed(JsonNode seccomp) {
        List<String> names = new ArrayList<>();
        for (JsonNode rule : seccomp.path("syscalls")) {
            if (rule.path("action").asText().equals("SCMP_ACT_ALLOW") && !rule.has("args")) {
                rule.path("names").forEach(n -> names.add(n.asText()));
            }
        }
        return names;
    }

    @Test
    void theDefaultProfileRefusesNamespacesMountsKeyringsBpfModulesClocksAndReboot() {
        JsonNode seccomp = X86_64.oci(SeccompProfile.defaultProfile(), OciSpec.DEFAULT_CAPABILITIES);
        assertEquals("SCMP_ACT_ERRNO", seccomp.path("defaultAction").asText());
        assertEquals(1, seccomp.path("defaultErrnoRet").asInt(), "EPERM");
        assertEquals("[\"SCMP_ARCH_X86_64\",\"SCMP_ARCH_X86\",\"SCMP_ARCH_X32\"]",
                seccomp.path("architectures").toString());
        List<String> allowed = allowed(seccomp);
        for (String denied : List.of("unshare", "setns", "mount", "umount2", "pivot_root", "keyctl", "add_key",
                "request_key", "bpf", "init_module", "finit_module", "delete_module", "clock_settime",
                "settimeofday", "reboot", "kexec_load", "swapon", "userfaultfd", "perf_event_open", "clone")) {
            assertFalse(allowed.contains(denied), denied + " is allowed: " + allowed);
        }
        for (String needed : List.of("read", "write", "execve", "futex", "mmap", "openat", "chroot", "ptrace",
                "arch_prctl")) {
            assertTrue(allowed.contains(needed), needed);
        }
        assertFalse(allowed.contains("set_tls"), "an ARM call on x86_64");
    }

    @Test
    void cloneIsAllowedOnlyWithoutNamespaceFlagsAndClone3FallsBackToIt() {
        JsonNode seccomp = X86_64.oci(SeccompProfile.defaultProfile(), OciSpec.DEFAULT_CAPABILITIES);
        JsonNode clone = null;
        JsonNode clone3 = null;
        for (JsonNode rule : seccomp.path("syscalls")) {
            String first = rule.path("names").get(0).asText();
            if (first.equals("clone")) {
                clone = rule;
            } else if (first.equals("clone3")) {
                clone3 = rule;
            }
        }
        assertEquals("{\"index\":0,\"value\":2114060288,\"valueTwo\":0,\"op\":\"SCMP_CMP_MASKED_EQ\"}",
                clone.path("args").get(0).toString());
        assertEquals("SCMP_ACT_ERRNO", clone3.path("action").asText());
        assertEquals(38, clone3.path("errnoRet").asInt(), "ENOSYS, so the C library uses clone");
    }

    @Test
    void capabilitiesReallowWhatTheyGuardAsDockerDoes() {
        List<String> caps = new ArrayList<>(OciSpec.DEFAULT_CAPABILITIES);
        caps.addAll(List.of("CAP_SYS_ADMIN", "CAP_SYS_TIME"));
        List<String> allowed = allowed(X86_64.oci(SeccompProfile.defaultProfile(), caps));
        assertTrue(allowed.containsAll(List.of("mount", "unshare", "setns", "clone", "clone3", "bpf",
                "clock_settime")), allowed.toString());
        assertFalse(allowed.contains("reboot"));
        List<String> withoutChroot = allowed(X86_64.oci(SeccompProfile.defaultProfile(), List.of("CAP_CHOWN")));
        assertFalse(withoutChroot.contains("chroot"), "CAP_SYS_CHROOT dropped, chroot refused");
    }

    @Test
    void minKernelRulesFollowTheRunningKernel() {
        SeccompFilter old = new SeccompFilter("amd64", "SCMP_ARCH_X86_64", SeccompFilter.Kernel.of("4.4.0-generic"));
        assertFalse(allowed(old.oci(SeccompProfile.defaultProfile(), List.of())).contains("ptrace"));
        assertEquals(new SeccompFilter.Kernel(6, 18), SeccompFilter.Kernel.of("6.18.44-fc-v782"));
    }

    @Test
    void anUnconfinedContainerHasNoProfileAndACustomOneIsItsOwn() {
        assertNull(SeccompProfile.of(new SecurityOptions(List.of(), List.of(), false, false, "unconfined")));
        assertEquals(SeccompProfile.defaultProfile(), SeccompProfile.of(SecurityOptions.DEFAULT));
        SeccompProfile custom = SeccompProfile.of(new SecurityOptions(List.of(), List.of(), false, false, """
                {"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_X86_64"],
                 "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13}]}"""));
        JsonNode seccomp = X86_64.oci(custom, List.of());
        assertEquals("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"architectures\":[\"SCMP_ARCH_X86_64\"],\"syscalls\":"
                + "[{\"names\":[\"mkdir\",\"mkdirat\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":13}]}",
                seccomp.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"defaultAction\": \"SCMP_ACT_BOGUS\"} | seccomp profile: defaultAction unknown action \"SCMP_ACT_BOGUS\"",
            "{} | seccomp profile: defaultAction is missing",
            "[1] | seccomp profile must be a JSON object",
            "{\"defaultAction\": | seccomp profile is not valid JSON",
            "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_NOTIFY\"}]} | syscalls[0].action unknown action \"SCMP_ACT_NOTIFY\"",
            "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": [{\"action\": \"SCMP_ACT_ALLOW\"}]} | syscalls[0] names no system call",
            "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": [{\"names\": [\"re ad\"], \"action\": \"SCMP_ACT_ALLOW\"}]} | syscalls[0].names \"re ad\" is not a system call name",
            "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_ALLOW\", \"args\": [{\"index\": 6, \"value\": 1, \"op\": \"SCMP_CMP_EQ\"}]}]} | syscalls[0].args[0].index must be 0 to 5",
            "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_ALLOW\", \"args\": [{\"index\": 0, \"value\": 1, \"op\": \"EQ\"}]}]} | syscalls[0].args[0].op unknown operator \"EQ\"",
            "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_ALLOW\", \"includes\": {\"caps\": [\"SYS_ADMIN\"]}}]} | syscalls[0].includes.caps unknown capability \"SYS_ADMIN\"",
            "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"architectures\": [\"x86_64\"]} | architectures \"x86_64\" is not an architecture",
            "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"defaultErrnoRet\": -1} | defaultErrnoRet must be an errno",
            "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"listenerPath\": \"/x\"} | seccomp profile: listenerPath is not a field"})
    void aBadProfileIsRefusedNamingWhatIsWrong(String profile, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SeccompProfile.parse(profile));
        assertTrue(e.getMessage().contains(expected.strip()), e.getMessage());
    }
}
