package io.holdfast.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegistryReferenceTest {
    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    @Test
    void aBareNameIsDockerHubsLibraryAtLatest() {
        RegistryReference r = RegistryReference.parse("busybox");
        assertEquals(new RegistryReference("docker.io", "library/busybox", "latest", ""), r);
        assertEquals("busybox", r.familiarName());
        assertEquals("busybox:latest", r.familiarTagged());
    }

    @Test
    void aUserRepositoryOnDockerHubKeepsItsPath() {
        assertEquals(new RegistryReference("docker.io", "user/app", "1.0", ""), RegistryReference.parse("user/app:1.0"));
    }

    @Test
    void hostWithPortPathTagAndDigest() {
        RegistryReference r = RegistryReference.parse("localhost:5000/a/b:tag@" + DIGEST);
        assertEquals(new RegistryReference("localhost:5000", "a/b", "tag", DIGEST), r);
        assertEquals(DIGEST, r.manifestReference());
        assertTrue(r.byDigest());
        assertEquals("localhost:5000/a/b:tag@" + DIGEST, r.toString());
    }

    @Test
    void aDigestAloneHasNoTag() {
        RegistryReference r = RegistryReference.parse("127.0.0.1:5000/app@" + DIGEST);
        assertEquals("", r.tag());
        assertEquals("", r.familiarTagged());
    }

    @Test
    void aDottedFirstComponentIsAHostAndLocalhostToo() {
        assertEquals("registry.example.com", RegistryReference.parse("registry.example.com/app").domain());
        assertEquals("localhost", RegistryReference.parse("localhost/app").domain());
        assertEquals("docker.io", RegistryReference.parse("team/app").domain());
        assertEquals("docker.io", RegistryReference.parse("index.docker.io/library/busybox").domain());
    }

    @Test
    void fromImageAndTagAsTheApiSendsThem() {
        assertEquals(RegistryReference.parse("busybox:1.36"), RegistryReference.parse("busybox", "1.36"));
        assertEquals(RegistryReference.parse("busybox@" + DIGEST), RegistryReference.parse("busybox", DIGEST));
        assertEquals(RegistryReference.parse("busybox:latest"), RegistryReference.parse("busybox", ""));
    }

    @Test
    void badReferencesAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RegistryReference.parse("Busybox"))
                .getMessage().contains("lowercase"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RegistryReference.parse("a@sha256:xyz"))
                .getMessage().contains("digest"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RegistryReference.parse("a:b:c"))
                .getMessage().contains("bad"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RegistryReference.parse("a//b"))
                .getMessage().contains("component"));
        assertThrows(IllegalArgumentException.class, () -> RegistryReference.parse(""));
    }
}
