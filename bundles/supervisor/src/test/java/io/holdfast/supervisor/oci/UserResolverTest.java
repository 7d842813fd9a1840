package io.holdfast.supervisor.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserResolverTest {
    @TempDir
    Path rootfs;

    @BeforeEach
    void writeAccounts() throws IOException {
        Path etc = Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), """
                root:x:0:0:root:/root:/bin/sh
                app:x:1000:1000:App:/home/app:/bin/sh
                # a comment
                www:x:33:33::/var/www:/bin/false
                """);
        Files.writeString(etc.resolve("group"), """
                root:x:0:
                staff:x:50:app,www
                app:x:1000:
                docker:x:999:app
                """);
    }

    @Test
    void emptyMeansRoot() throws IOException {
        assertEquals(ResolvedUser.ROOT, UserResolver.resolve(rootfs, ""));
    }

    @Test
    void aNameGetsItsGroupAndTheGroupsThatListIt() throws IOException {
        assertEquals(new ResolvedUser(1000, 1000, List.of(50L, 999L)), UserResolver.resolve(rootfs, "app"));
    }

    @Test
    void aListedUidIsLookedUpAndAnUnlistedOneRunsWithGroupZero() throws IOException {
        assertEquals(new ResolvedUser(33, 33, List.of(50L)), UserResolver.resolve(rootfs, "33"));
        assertEquals(new ResolvedUser(4242, 0, List.of()), UserResolver.resolve(rootfs, "4242"));
    }

    @Test
    void anExplicitGroupByNameOrIdReplacesTheSupplementaryOnes() throws IOException {
        assertEquals(new ResolvedUser(1000, 50, List.of()), UserResolver.resolve(rootfs, "app:staff"));
        assertEquals(new ResolvedUser(1000, 7, List.of()), UserResolver.resolve(rootfs, "1000:7"));
        assertEquals(new ResolvedUser(5000, 999, List.of()), UserResolver.resolve(rootfs, "5000:docker"));
    }

    @Test
    void unknownNamesAreRefusedWithDockersWords() {
        assertEquals("unable to find user nobody: no matching entries in passwd file",
                assertThrows(UserResolver.UnknownUserException.class,
                        () -> UserResolver.resolve(rootfs, "nobody")).getMessage());
        assertEquals("unable to find group wheel: no matching entries in group file",
                assertThrows(UserResolver.UnknownUserException.class,
                        () -> UserResolver.resolve(rootfs, "app:wheel")).getMessage());
    }

    @Test
    void anImageWithoutAccountsTakesNumbersOnly() throws IOException {
        Path bare = Files.createDirectories(rootfs.resolve("bare"));
        assertEquals(new ResolvedUser(1000, 1000, List.of()), UserResolver.resolve(bare, "1000:1000"));
        assertThrows(UserResolver.UnknownUserException.class, () -> UserResolver.resolve(bare, "app"));
    }

    @Test
    void symlinkedAccountFilesAreFollowedInsideTheRootNeverOutOfIt() throws IOException {
        Path image = Files.createDirectories(rootfs.resolve("image"));
        Files.createDirectories(image.resolve("etc"));
        Files.createDirectories(image.resolve("real"));
        Files.writeString(image.resolve("real/passwd"), "svc:x:77:77::/:/bin/sh\n");
        // an absolute link is resolved against the container's root, and ".." cannot climb out of it
        Files.createSymbolicLink(image.resolve("etc/passwd"), Path.of("/../../../real/passwd"));
        assertEquals(new ResolvedUser(77, 77, List.of()), UserResolver.resolve(image, "svc"));
        Files.writeString(rootfs.resolve("outside"), "evil:x:0:0::/:/bin/sh\n");
        Files.createSymbolicLink(image.resolve("etc/group"), Path.of("../../outside"));
        assertEquals(new ResolvedUser(77, 77, List.of()), UserResolver.resolve(image, "svc"),
                "the host's file is not read: etc/group resolves to <root>/outside, which does not exist");
    }
}
