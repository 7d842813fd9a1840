package io.holdfast.itests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds the tiny test image: Debian's static busybox and a link for each applet, as a root-filesystem tarball. */
public final class BusyboxImage {
    private static final Path BUSYBOX = Path.of("/bin/busybox");

    private BusyboxImage() {
    }

    /** Writes {@code busybox.tar} under {@code dir} and returns it. */
    public static Path tarball(Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(BUSYBOX)) {
            throw new IllegalStateException("/bin/busybox is missing: apt-get install busybox-static");
        }
        Path rootfs = Files.createDirectories(dir.resolve("busybox-rootfs"));
        Path bin = Files.createDirectories(rootfs.resolve("bin"));
        Files.createDirectories(rootfs.resolve("tmp"));
        Files.copy(BUSYBOX, bin.resolve("busybox"));
        Process list = new ProcessBuilder(BUSYBOX.toString(), "--list").start();
        for (String applet : new String(list.getInputStream().readAllBytes()).split("\n")) {
            if (!applet.isBlank() && !applet.equals("busybox")) {
                Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
            }
        }
        list.waitFor();
        Path tar = dir.resolve("busybox.tar");
        Process p = new ProcessBuilder(List.of("tar", "-C", rootfs.toString(), "-cf", tar.toString(), "."))
                .inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("tar failed");
        }
        return tar;
    }

    /** Imports busybox:latest into {@code engine}. */
    public static void importInto(Engine engine) throws Exception {
        engine.cli().ok("image", "import", tarball(engine.root()).toString(), "busybox:latest");
    }
}
