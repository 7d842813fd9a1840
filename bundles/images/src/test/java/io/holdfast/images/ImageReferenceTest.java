package io.holdfast.images;

import io.holdfast.common.tar.ArchivePath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    @Test
    void parsesNamesAndTags() {
        assertEquals(new ImageReference("busybox", "latest"), ImageReference.parse("busybox"));
        assertEquals(new ImageReference("busybox", "1.36.1-musl"), ImageReference.parse("busybox:1.36.1-musl"));
        assertEquals(new ImageReference("library/my_app.x-y", "V2"), ImageReference.parse("library/my_app.x-y:V2"));
        assertEquals("a/b:c", ImageReference.parse("a/b:c").toString());
        // a pulled image is tagged with its registry host, port included
        assertEquals(new ImageReference("127.0.0.1:5000/team/app", "v1"), ImageReference.parse("127.0.0.1:5000/team/app:v1"));
        assertEquals(new ImageReference("localhost:5000/app", "latest"), ImageReference.parse("localhost:5000/app"));
    }

    @Test
    void tryParseIsEmptyForBadReferences() {
        for (String bad : List.of("", "Upper", "a:", ":tag", "a/", "/a", "a..b", "a:b:c", "a b", "a@sha256:00", "127.0.0.1:5000/App", "ho_st:5000/app")) {
            assertEquals(Optional.empty(), ImageReference.tryParse(bad), bad);
        }
    }

    @Test
    void lexicalPathsNeverClimbAboveTheRoot() {
        assertEquals("b", ArchivePath.ROOT.resolve("a/../b").orElseThrow().toString());
        assertTrue(ArchivePath.ROOT.resolve("a/../../x").isEmpty());
        ArchivePath link = ArchivePath.ROOT.resolve("bin/ls").orElseThrow();
        assertEquals("bin/busybox", link.linkTarget("/bin/busybox").orElseThrow().toString());
        assertEquals("bin/busybox", link.linkTarget("busybox").orElseThrow().toString());
        assertEquals("", link.linkTarget("..").orElseThrow().toString());
        assertTrue(link.linkTarget("../..").isEmpty());
    }
}
