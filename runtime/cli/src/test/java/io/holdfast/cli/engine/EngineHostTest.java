package io.holdfast.cli.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EngineHostTest {

    @Test
    void flagWinsOverEnvironmentWhichWinsOverDefault() {
        assertEquals(Path.of("/flag.sock"), EngineHost.select("unix:///flag.sock", "unix:///env.sock").socket());
        assertEquals(Path.of("/env.sock"), EngineHost.select(null, "unix:///env.sock").socket());
        assertEquals(Path.of("/run/holdfast.sock"), EngineHost.select(null, "").socket());
        assertEquals("unix:///run/holdfast.sock", EngineHost.select(null, null).uri());
    }

    @Test
    void onlyUnixSocketsWithAPath() {
        assertThrows(IllegalArgumentException.class, () -> EngineHost.parse("tcp://localhost:2375"));
        assertThrows(IllegalArgumentException.class, () -> EngineHost.parse("unix://"));
        assertThrows(IllegalArgumentException.class, () -> EngineHost.parse("/run/holdfast.sock"));
    }

    @Test
    void restartPoliciesFollowDocker() {
        assertEquals(new RestartPolicy("on-failure", 3), RestartPolicy.parse("on-failure:3"));
        assertEquals(new RestartPolicy("unless-stopped", 0), RestartPolicy.parse("unless-stopped"));
        assertThrows(IllegalArgumentException.class, () -> RestartPolicy.parse("always:3"));
        assertThrows(IllegalArgumentException.class, () -> RestartPolicy.parse("on-failure:-1"));
        assertThrows(IllegalArgumentException.class, () -> RestartPolicy.parse("sometimes"));
    }
}
