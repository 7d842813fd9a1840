package io.holdfast.supervisor.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.container.EngineException.Kind;
import org.junit.jupiter.api.Test;

class StartFailureTest {

    @Test
    void missingExecutableIs127AndTheCallersMistake() {
        StartFailure f = StartFailure.of("the runtime could not create abc: runc create failed: unable to start "
                + "container process: exec: \"nope\": executable file not found in $PATH");
        assertEquals(127, f.exitCode());
        assertEquals(Kind.INVALID, f.kind());
        assertTrue(f.message().endsWith("executable file not found in $PATH"), f.message());
    }

    @Test
    void missingAbsolutePathIs127() {
        assertEquals(127, StartFailure.of("exec: \"/no/such\": stat /no/such: no such file or directory").exitCode());
    }

    @Test
    void notExecutableOrADirectoryIs126() {
        assertEquals(126, StartFailure.of("exec: \"/etc/passwd\": permission denied").exitCode());
        assertEquals(126, StartFailure.of("exec: \"/etc\": is a directory").exitCode());
        assertEquals(Kind.INVALID, StartFailure.of("exec /etc/passwd: Permission denied").kind());
    }

    @Test
    void mountOntoTheWrongKindOfFileIs127WithMobysHint() {
        StartFailure f = StartFailure.of("error mounting \"/x\" to rootfs at \"/etc/hosts\": not a directory");
        assertEquals(127, f.exitCode());
        assertTrue(f.message().contains("Are you trying to mount a directory onto a file"), f.message());
    }

    @Test
    void anythingElseIs128AndTheEnginesFailure() {
        StartFailure f = StartFailure.of("conmon failed for abc: something broke");
        assertEquals(128, f.exitCode());
        assertEquals(Kind.FAILED, f.kind());
    }
}
