package io.holdfast.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The start-up warning over fake {@code /proc/self/cgroup} contents and fake unit properties. */
class CgroupTeardownCheckTest {
    private static final String V2_SERVICE = "0::/system.slice/holdfast.service\n";
    private static final String HYBRID_SERVICE = """
            12:pids:/system.slice/holdfast.service
            4:memory:/system.slice/holdfast.service
            1:name=systemd:/system.slice/holdfast.service
            0::/system.slice/holdfast.service
            """;
    private final List<String> asked = new ArrayList<>();

    private Function<String, Optional<String>> units(Map<String, String> killModes) {
        return unit -> {
            asked.add(unit);
            return Optional.ofNullable(killModes.get(unit));
        };
    }

    @Test
    void aServiceWithTheDefaultKillModeIsWarnedAboutByNameAndMode() {
        Optional<String> warning = CgroupTeardownCheck.warning(V2_SERVICE,
                units(Map.of("holdfast.service", "control-group")));
        assertTrue(warning.isPresent());
        assertTrue(warning.get().startsWith("WARNING"), warning.get());
        assertTrue(warning.get().contains("holdfast.service with KillMode=control-group"), warning.get());
        assertTrue(warning.get().contains("KillMode=process"), "says how to fix it: " + warning.get());
    }

    @Test
    void mixedKillModeKillsTheMonitorsTooAndIsWarnedAbout() {
        assertTrue(CgroupTeardownCheck.warning(HYBRID_SERVICE, units(Map.of("holdfast.service", "mixed")))
                .orElseThrow().contains("KillMode=mixed"));
    }

    @Test
    void aServiceWithKillModeProcessIsQuiet() {
        assertEquals(Optional.empty(), CgroupTeardownCheck.warning(V2_SERVICE,
                units(Map.of("holdfast.service", "process"))));
        assertEquals(List.of("holdfast.service"), asked);
    }

    @Test
    void aServiceWhoseKillModeCannotBeReadIsWarnedAboutAsSuch() {
        String warning = CgroupTeardownCheck.warning(V2_SERVICE, units(Map.of())).orElseThrow();
        assertTrue(warning.contains("could not be read"), warning);
    }

    @Test
    void aShellSessionOrTheRootCgroupIsNoServiceAndNothingIsAsked() {
        assertEquals(Optional.empty(), CgroupTeardownCheck.warning("0::/\n", units(Map.of())));
        assertEquals(Optional.empty(), CgroupTeardownCheck.warning(
                "0::/user.slice/user-0.slice/session-4.scope\n", units(Map.of())));
        assertEquals(Optional.empty(), CgroupTeardownCheck.warning("""
                9:name=systemd:/
                4:memory:/process_api/73cfbffb55995da7dac550ef07cf2bcd
                0::/
                """, units(Map.of())));
        assertEquals(List.of(), asked, "no unit is looked up outside a service");
    }

    @Test
    void theInnermostServiceOfANestedPathIsTheOne() {
        assertEquals(Optional.of("engine.service"), CgroupTeardownCheck.serviceUnit(
                "0::/user.slice/user-0.slice/user@0.service/app.slice/engine.service\n"));
        assertEquals(Optional.of("holdfast.service"), CgroupTeardownCheck.serviceUnit(
                "0::/system.slice/holdfast.service/engine\n"));
    }

    @Test
    void onAHybridHostSystemdsOwnHierarchyDecides() {
        assertEquals(Optional.of("holdfast.service"), CgroupTeardownCheck.serviceUnit("""
                1:name=systemd:/system.slice/holdfast.service
                0::/
                """));
    }
}
