package io.holdfast.network.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link IpCommands} reads what {@code ip} prints; a script stands in for {@code ip}. */
class IpCommandsTest {
    @TempDir
    Path dir;

    /**
     * The named namespaces are the entries of the netns directory, as {@code ip netns list} reads them; {@code ip} is
     * not run (issue 14's warnings about a namespace deleted while {@code ip} listed them cannot happen).
     */
    @Test
    void namespacesAreTheEntriesOfTheNetnsDirectory() throws Exception {
        Path netns = Files.createDirectory(dir.resolve("netns"));
        Files.createFile(netns.resolve("hf-bbbb"));
        Files.createFile(netns.resolve("hf-aaaa"));
        IpCommands ip = new IpCommands(fakeIp("exit 1").toString(), netns);

        assertEquals(List.of("hf-aaaa", "hf-bbbb"), ip.namespaces());
    }

    @Test
    void noNetnsDirectoryIsNoNamespaces() throws Exception {
        assertEquals(List.of(), new IpCommands(fakeIp("exit 1").toString(), dir.resolve("netns")).namespaces());
    }

    /** Deleting a namespace that is not there runs nothing and says so; one that is there is deleted by ip. */
    @Test
    void deletingANamespaceRunsIpOnlyWhenItIsThere() throws Exception {
        Path netns = Files.createDirectory(dir.resolve("netns"));
        Files.createFile(netns.resolve("hf-aaaa"));
        Path ran = dir.resolve("ran");
        IpCommands ip = new IpCommands(fakeIp("echo \"$@\" >> " + ran).toString(), netns);

        assertEquals(false, ip.deleteNamespaceIfPresent("hf-bbbb"));
        assertEquals(true, ip.deleteNamespaceIfPresent("hf-aaaa"));
        assertEquals(List.of("netns delete hf-aaaa"), Files.readAllLines(ran));
    }

    /** A batch that fails names the command ip stopped at, as it would have been run alone, and what ip said. */
    @Test
    void aFailedBatchNamesTheCommandItStoppedAt() throws Exception {
        IpCommands ip = new IpCommands(fakeIp("""
                cat > /dev/null
                echo 'RTNETLINK answers: File exists' >&2
                echo 'Command failed -:2' >&2
                exit 1
                """).toString(), dir).in("holdfast-abc");
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> ip.batch(List.of("link set lo up", "addr add 10.1.2.3/24 dev eth0", "link set eth0 up")));
        assertEquals("`" + dir.resolve("ip") + " -n holdfast-abc addr add 10.1.2.3/24 dev eth0` failed (in one"
                + " `ip -batch`, exit code 1): RTNETLINK answers: File exists", e.getMessage());
    }

    /** ip stops without naming the line at an argument it cannot parse: then every command of the batch is named. */
    @Test
    void aBatchThatFailsWithoutALineNamesEveryCommand() throws Exception {
        IpCommands ip = new IpCommands(fakeIp("""
                cat > /dev/null
                echo 'Error: argument "nobridge" is wrong: Device does not exist' >&2
                exit 255
                """).toString(), dir);
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> ip.batch(List.of("link set hfx master nobridge", "link set hfx up")));
        String ipPath = dir.resolve("ip").toString();
        assertEquals("one of `" + ipPath + " link set hfx master nobridge`, `" + ipPath + " link set hfx up` failed"
                + " (in one `ip -batch`, exit code 255): Error: argument \"nobridge\" is wrong: Device does not exist",
                e.getMessage());
    }

    /** The commands reach ip on its stdin, one a line, after {@code -batch -}. */
    @Test
    void aBatchGoesToOneIpOnItsStdin() throws Exception {
        Path seen = dir.resolve("seen");
        new IpCommands(fakeIp("echo \"$*\" > " + seen + "; cat >> " + seen).toString(), dir).in("holdfast-abc")
                .batch(List.of("link set lo up", "link set eth0 up"));
        assertEquals("-n holdfast-abc -batch -\nlink set lo up\nlink set eth0 up\n", Files.readString(seen));
    }

    private Path fakeIp(String body) throws Exception {
        Path script = dir.resolve("ip");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
