package io.holdfast.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestSelectorTest {
    private static final String AMD = "sha256:" + "a".repeat(64);
    private static final String ARM64 = "sha256:" + "b".repeat(64);
    private static final String ARMV7 = "sha256:" + "c".repeat(64);

    private static ManifestDocument index(String mediaType) {
        String json = "{\"schemaVersion\":2,\"mediaType\":\"" + mediaType + "\",\"manifests\":["
                + entry(ARMV7, "arm", "v7") + "," + entry(ARM64, "arm64", "v8") + "," + entry(AMD, "amd64", "")
                + "]}";
        return ManifestDocument.parse(json.getBytes(StandardCharsets.UTF_8), "", "test");
    }

    private static String entry(String digest, String arch, String variant) {
        return "{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + digest + "\",\"size\":10,"
                + "\"platform\":{\"os\":\"linux\",\"architecture\":\"" + arch + "\""
                + (variant.isEmpty() ? "" : ",\"variant\":\"" + variant + "\"") + "}}";
    }

    @Test
    void picksTheRequestedPlatformFromAnOciIndexAndADockerList() {
        for (String type : new String[] {MediaTypes.OCI_INDEX, MediaTypes.DOCKER_LIST}) {
            ManifestDocument index = index(type);
            assertTrue(index.isIndex());
            assertEquals(AMD, ManifestSelector.select(index, Platform.parse("linux/amd64"), "x").digest());
            assertEquals(ARM64, ManifestSelector.select(index, Platform.parse("linux/arm64"), "x").digest());
            assertEquals(ARM64, ManifestSelector.select(index, Platform.parse("linux/aarch64/v8"), "x").digest());
            assertEquals(ARMV7, ManifestSelector.select(index, Platform.parse("linux/arm/v7"), "x").digest());
        }
    }

    @Test
    void aMissingPlatformListsTheOffered() {
        RegistryException e = assertThrows(RegistryException.class,
                () -> ManifestSelector.select(index(MediaTypes.OCI_INDEX), Platform.parse("linux/s390x"), "app"));
        assertTrue(e.getMessage().contains("linux/s390x"), e.getMessage());
        assertTrue(e.getMessage().contains("linux/arm/v7, linux/arm64/v8, linux/amd64"), e.getMessage());
    }

    @Test
    void aManifestWithoutMediaTypeTakesTheContentType() {
        String json = "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"" + MediaTypes.DOCKER_CONFIG
                + "\",\"digest\":\"" + AMD + "\",\"size\":5},\"layers\":[{\"mediaType\":\""
                + MediaTypes.DOCKER_LAYER_GZIP + "\",\"digest\":\"" + ARM64 + "\",\"size\":7}]}";
        ManifestDocument m = ManifestDocument.parse(json.getBytes(StandardCharsets.UTF_8),
                MediaTypes.DOCKER_MANIFEST + "; charset=utf-8", "test");
        assertEquals(MediaTypes.DOCKER_MANIFEST, m.mediaType());
        assertEquals(AMD, m.config().digest());
        assertEquals(1, m.layers().size());
        assertEquals(Digests.sha256(json.getBytes(StandardCharsets.UTF_8)), m.digest());
    }

    @Test
    void schema1AndUnknownLayerTypesAreRefusedByName() {
        assertTrue(assertThrows(RegistryException.class, () -> ManifestDocument.parse(
                "{\"schemaVersion\":1,\"name\":\"a\"}".getBytes(StandardCharsets.UTF_8), "", "t"))
                .getMessage().contains("schema 1"));
        String json = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{"
                + "\"mediaType\":\"x\",\"digest\":\"" + AMD + "\",\"size\":1},\"layers\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.layer.v1.tar+zstd\",\"digest\":\"" + AMD + "\",\"size\":1}]}";
        assertTrue(assertThrows(RegistryException.class, () -> ManifestDocument.parse(
                json.getBytes(StandardCharsets.UTF_8), "", "t")).getMessage().contains("zstd"));
    }

    @Test
    void badPlatformsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> Platform.parse("linux"));
        assertThrows(IllegalArgumentException.class, () -> Platform.parse("linux/"));
    }
}
