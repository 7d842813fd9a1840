package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.itests.support.BusyboxImage;
import io.holdfast.itests.support.DockerCli;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.EngineSetup;
import io.holdfast.itests.support.ImageArchiveBuilder;
import io.holdfast.itests.support.PtySession;
import io.holdfast.itests.support.TerminalSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code holdfast load} shows each layer's progress as {@code docker load} does, named by the layer's short diff id:
 * plain lines when its output is not a terminal, a bar per layer on a terminal; then the images loaded. The docker
 * CLI on a terminal draws the same progress.
 */
@ExtendWith(EngineExtension.class)
class LoadProgressTest {

    @Test
    void loadShowsEachLayerAsALineOrOnATerminalAsABar(@EngineSetup(busybox = false) Engine engine) throws Exception {
        Path work = Files.createDirectories(engine.root().resolve("build"));
        ImageArchiveBuilder archive = new ImageArchiveBuilder(work);
        BusyboxImage.tarball(work);
        Path data = Files.createDirectories(work.resolve("data"));
        byte[] random = new byte[3 << 20]; // several progress updates
        new Random(4).nextBytes(random);
        Files.write(data.resolve("data.bin"), random);
        String base = archive.layer(work.resolve("busybox-rootfs"));
        String top = archive.layer(data);
        archive.image("hf-progress:1", List.of(base, top), Map.of("Cmd", List.of("true")));
        Path tar = archive.write("progress.tar");
        // the layer tars are plain, so their digests are their diff ids
        String baseId = shortId(archive.dir().resolve(base));
        String topId = shortId(archive.dir().resolve(top));

        assertEquals(baseId + ": Loading layer\n" + topId + ": Loading layer\nLoaded image: hf-progress:1\n",
                engine.cli().run("load", "-i", tar.toString()).out());
        engine.cli().ok("image", "rm", "hf-progress:1");

        try (PtySession terminal = PtySession.start(List.of(engine.distribution().resolve("bin/holdfast").toString(),
                "-H", engine.host(), "load", "-i", tar.toString()), Map.of())) {
            terminal.expect(topId + ": Loading layer [" + "=".repeat(50) + "] 3.15MB/3.15MB");
            terminal.expect("Loaded image: hf-progress:1");
            assertEquals(0, terminal.awaitExit());
        }
        assertEquals("hf-progress:1", DockerCli.of(engine).ok("image", "inspect", "-f", "{{index .RepoTags 0}}",
                "hf-progress:1"));

        // the docker CLI asks for progress only on a terminal, and draws its own bar from progressDetail
        engine.cli().ok("image", "rm", "hf-progress:1");
        TerminalSession.Transcript docker = new TerminalSession().expect("Loaded image: hf-progress:1").end()
                .run(DockerCli.of(engine), "load", "-i", tar.toString());
        assertEquals(0, docker.exitCode(), docker.screen());
        assertTrue(docker.shows(baseId + ": Loading layer") && docker.shows(topId + ": Loading layer")
                && docker.shows("MB/3."), docker.screen());
    }

    private static String shortId(Path layerTar) throws Exception {
        return ImageArchiveBuilder.sha256(Files.readAllBytes(layerTar)).substring(0, 12);
    }
}
