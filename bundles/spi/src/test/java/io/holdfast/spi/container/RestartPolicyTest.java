package io.holdfast.spi.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    @Test
    void parsesDockerForms() {
        assertEquals(new RestartPolicy("no", 0), RestartPolicy.parse(""));
        assertEquals(new RestartPolicy("always", 0), RestartPolicy.parse("always"));
        assertEquals(new RestartPolicy("unless-stopped", 0), RestartPolicy.parse("unless-stopped"));
        assertEquals(new RestartPolicy("on-failure", 3), RestartPolicy.parse("on-failure:3"));
        assertEquals("on-failure:3", RestartPolicy.parse("on-failure:3").toString());
    }

    @Test
    void rejectsWhatDockerRejectsWithAReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RestartPolicy.parse("sometimes"))
                .getMessage().contains("expected no, always, unless-stopped or on-failure[:N]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RestartPolicy.parse("always:3"))
                .getMessage().contains("only valid with on-failure"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RestartPolicy.parse("on-failure:x"))
                .getMessage().contains("\"x\" is not a number"));
    }

    @Test
    void decidesRestartsByDockersRules() {
        RestartPolicy onFailure = RestartPolicy.parse("on-failure:2");
        assertTrue(onFailure.restartsAfter(1, 0, false));
        assertTrue(onFailure.restartsAfter(1, 1, false));
        assertFalse(onFailure.restartsAfter(1, 2, false), "the retry count is a limit");
        assertFalse(onFailure.restartsAfter(0, 0, false), "a clean exit is not a failure");
        assertTrue(RestartPolicy.parse("on-failure").restartsAfter(1, 1000, false), "no limit by default");
        assertTrue(RestartPolicy.parse("always").restartsAfter(0, 5, false));
        assertFalse(RestartPolicy.parse("always").restartsAfter(0, 5, true), "a user's stop is respected");
        assertFalse(RestartPolicy.parse("unless-stopped").restartsAfter(1, 0, true));
        assertFalse(RestartPolicy.NONE.restartsAfter(1, 0, false));
    }

    @Test
    void containerSpecRejectsRmWithARestartPolicy() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ContainerSpec(null, "busybox", null, null,
                RestartPolicy.parse("always"), true, null, null, 10)).getMessage()
                .contains("conflicting options: --restart always and --rm"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ContainerSpec(null, " ", null, null,
                null, false, null, null, 10)).getMessage().contains("an image is required"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ContainerSpec(null, "busybox", null,
                java.util.List.of("=x"), null, false, null, null, 10)).getMessage().contains("expected KEY=VALUE"));
    }
}
