package io.holdfast.supervisor.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.holdfast.spi.container.ContainerTop;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PsTableTest {

    @Test
    void keepsOnlyTheContainersProcessesAndJoinsTheCommandsArguments() {
        ContainerTop top = PsTable.parse("""
                UID          PID    PPID  C STIME TTY          TIME CMD
                root           1       0  0 15:00 ?        00:00:01 /sbin/init
                root        4242    4240  0 15:01 ?        00:00:00 sleep 1000
                root        4250    4242  0 15:01 ?        00:00:00 sh -c echo hi; sleep 5
                """, Set.of(4242L, 4250L));
        assertEquals(List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"), top.titles());
        assertEquals(2, top.processes().size());
        assertEquals("sleep 1000", top.processes().get(0).get(7));
        assertEquals("sh -c echo hi; sleep 5", top.processes().get(1).get(7));
    }

    @Test
    void threadRowsFollowTheirProcess() {
        ContainerTop top = PsTable.parse("""
                  PID TTY      STAT   TIME COMMAND
                    1 ?        -      0:01 /sbin/init
                    - -        Ss     0:01 -
                   42 ?        -      0:00 sleep
                    - -        S      0:00 -
                """, Set.of(42L));
        assertEquals(2, top.processes().size());
        assertEquals("-", top.processes().get(1).get(0));
    }

    @Test
    void psOutputWithoutPidColumnIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PsTable.parse("USER COMMAND\nroot sleep\n", Set.of(1L)));
        assertEquals("Couldn't find PID field in ps output", e.getMessage());
    }

    @Test
    void argumentsDefaultToDashEfAndMayNotRenameThePidColumn() {
        assertEquals(List.of("-ef"), PsTable.arguments(null));
        assertEquals(List.of("aux"), PsTable.arguments(" aux "));
        assertEquals(List.of("-o", "pid=PID,comm"), PsTable.arguments("-o pid=PID,comm"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PsTable.arguments("-o user=PID"));
        assertEquals("specifying \"user=PID\" is not allowed", e.getMessage());
    }
}
