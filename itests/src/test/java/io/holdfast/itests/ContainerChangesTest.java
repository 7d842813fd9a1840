package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Await;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.DockerCli;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code docker diff}: what a container added, changed and deleted against its image, without the mount points the
 * runtime made, the same from the stock docker CLI and Holdfast's own, running, stopped and after an engine restart.
 */
@ExtendWith(EngineExtension.class)
class ContainerChangesTest {
    private static final Duration LONG = Duration.ofSeconds(120);

    @Test
    void diffListsWhatTheContainerChangedAndNothingElse(Engine engine, Api api, Cli cli) throws Exception {
        DockerCli docker = DockerCli.of(engine);
        String fresh = docker.ok("run", "-d", "--name", "diff-fresh", "busybox", "sleep", "1000");
        assertEquals("", docker.ok("diff", fresh), "a container that changed nothing: /proc, /etc/hosts, ... are"
                + " the runtime's mount points, not changes");

        String id = docker.ok("run", "-d", "--name", "diff-changed", "-v", "/tmp:/mnt/host", "busybox", "sh", "-c",
                "mkdir -p /work/sub && echo x > /work/sub/file && rm /bin/yes && chmod 700 /bin/busybox"
                        + " && touch /ready && sleep 1000");
        Await.until("the container to have made its changes", LONG,
                () -> docker.run("exec", id, "test", "-e", "/ready").exitCode() == 0);
        List<String> expected = List.of("C /bin", "C /bin/busybox", "D /bin/yes", "A /ready", "A /work",
                "A /work/sub", "A /work/sub/file");
        assertEquals(expected, docker.run("diff", id).lines());
        assertEquals(expected, List.of(cli.ok("diff", "diff-changed").split("\n")), "Holdfast's CLI prints the same");

        docker.ok("stop", "-t", "0", id);
        engine.kill9();
        engine.start();
        assertEquals(expected, docker.run("diff", id).lines(), "a stopped container, after an engine restart");
        assertEquals(404, api.request("GET", "/containers/no-such-container/changes").status());
        docker.ok("rm", "-f", id, fresh);
    }
}
