package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Cli;
import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.RestoreReportJson;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a real engine leaves on disk after create, run and exec is private: no metadata file or directory under the
 * data root or the exec root that another user could read (a container's config.json holds its environment). The
 * exceptions are what containers themselves must read: the files bound into them (hosts, hostname, resolv.conf) and
 * root file systems (images' rootfs, below storage/). A data root an older engine left open is tightened on start.
 */
@ExtendWith(EngineExtension.class)
class StateAtRestTest {
    private static final Set<String> BOUND_INTO_CONTAINERS = Set.of("hosts", "hostname", "resolv.conf");
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** Every path under {@code root} that others may read, enter or write, except root file systems and bound files. */
    private static List<String> openToOthers(Path root) throws IOException {
        List<String> open = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.getFileName().toString().equals("rootfs")) {
                    return FileVisitResult.SKIP_SUBTREE; // an image's: its modes are the container's
                }
                check(dir);
                // storage/ holds the containers' root file systems
                return dir.equals(root.resolve("storage")) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && !BOUND_INTO_CONTAINERS.contains(file.getFileName().toString())) {
                    check(file);
                }
                return FileVisitResult.CONTINUE;
            }

            private void check(Path path) throws IOException {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
                if (mode.stream().anyMatch(OTHERS::contains)) {
                    open.add(path + " " + PosixFilePermissions.toString(mode));
                }
            }
        });
        return open;
    }

    @Test
    void nothingTheEngineWritesIsOpenToOtherUsers(Engine engine, Cli cli, Api api) throws Exception {
        String running = cli.ok("run", "-d", "-e", "SECRET=hunter2", "--name", "secretive", "busybox", "sleep", "1000");
        assertEquals("hello", cli.ok("exec", running, "echo", "hello"));
        String exec = api.post("/containers/" + running + "/exec", java.util.Map.of("Cmd", List.of("true")))
                .json().path("Id").asText();
        api.post("/exec/" + exec + "/start", java.util.Map.of("Detach", true));
        cli.ok("run", "--rm", "busybox", "true");
        String created = cli.ok("create", "busybox", "true");
        // a non-root process in the container still reads what is bound in
        assertTrue(cli.ok("exec", "-u", "1000", running, "cat", "/etc/hosts").contains("localhost"));

        assertEquals(List.of(), openToOthers(engine.dataRoot()), "data root " + engine.dataRoot());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(engine.dataRoot())));
        Path config = engine.dataRoot().resolve("containers").resolve(running).resolve("config.json");
        assertTrue(Files.readString(config).contains("SECRET=hunter2"), "the secret is in config.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        List<String> execRoot = new ArrayList<>();
        for (String dir : List.of("monitors", "execs")) {
            execRoot.addAll(openToOthers(engine.execRoot().resolve(dir)));
        }
        // conmon's exit files (an exit code each) and attach sockets are its own: their directories keep others out
        for (String dir : List.of("exits", "sock")) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    engine.execRoot().resolve(dir))), dir);
        }
        assertEquals(List.of(), execRoot, "exec root " + engine.execRoot());
        cli.ok("rm", "-f", running, created);
    }

    @Test
    void aDataRootAnOlderEngineLeftOpenIsTightenedOnStart(Engine engine, Cli cli, Api api) throws Exception {
        String id = cli.ok("run", "-d", "busybox", "sleep", "1000");
        long pid = api.pid(id);
        engine.kill9();
        // as an engine before this one left it: 0755 directories, 0644 files (the runtime's own state aside)
        Path root = engine.dataRoot();
        List<Path> opened = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.getFileName().toString().equals("rootfs") || dir.equals(root.resolve("storage"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                opened.add(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
                    opened.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        Files.setPosixFilePermissions(root.resolve("storage"), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertTrue(opened.size() > 5, opened.toString());
        assertTrue(!openToOthers(root).isEmpty());

        engine.start();
        assertEquals(List.of(), openToOthers(root));
        assertEquals("adopted", RestoreReportJson.report(api).outcome(id));
        assertEquals(pid, api.pid(id));
        String config = root.resolve("containers").resolve(id).resolve("config.json").toString();
        assertTrue(engine.log().contains("data-root: tightened " + config + ": rw-r--r-- -> rw-------"),
                "the engine says what it changed");
        cli.ok("rm", "-f", id);
    }
}
