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
     * Issue 14: {@code ip -j netns list} warns on stderr about a namespace deleted while it lists them, and still
     * lists the others on stdout; parsing both together made create answer 500.
     */
    @Test
    void namespaceListingIgnoresWarningsOnStderr() throws Exception {
        IpCommands ip = new IpCommands(fakeIp("""
                echo 'Error: Peer netns reference is invalid.' >&2
                echo '[{"name":"hf-aaaa"},'
                echo 'Error: Peer netns reference is invalid.' >&2
                echo '{"name":"hf-bbbb","id":3}]'
                """).toString());
        assertEquals(List.of("hf-aaaa", "hf-bbbb"), ip.namespaces());
    }

    @Test
    void noNamespacesIsAnEmptyList() throws Exception {
        assertEquals(List.of(), new IpCommands(fakeIp("echo 'warning: nothing' >&2").toString()).namespaces());
    }

    private Path fakeIp(String body) throws Exception {
        Path script = dir.resolve("ip");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
