package io.holdfast.storage.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsOddPaths() throws IOException {
        Path file = dir.resolve("layer.json");
        for (String lower : new String[] {"/data/images/abc/rootfs", "/a b/\"q\"/back\\slash/tab\t/café"}) {
            LayerFile.write(file, Path.of(lower));
            assertEquals(Path.of(lower), LayerFile.read(file, "c1"));
        }
        LayerFile.write(file, Path.of("/data/images/abc/rootfs"));
        assertEquals("{\"lowerdir\":\"/data/images/abc/rootfs\"}", Files.readString(file));
    }

    @Test
    void readsPlainJsonObjectsAndRejectsAnythingElse() throws IOException {
        Path file = dir.resolve("layer.json");
        Files.writeString(file, " { \"lowerdir\" : \"\\/x\\/\\u00e9\\n\" , \"other\":\"y\" } ");
        assertEquals(Path.of("/x/é\n"), LayerFile.read(file, "c1"));
        for (String bad : new String[] {"{}", "{\"lowerdir\": 1}", "{\"lowerdir\": \"x\"} trailing",
            "{\"lowerdir\": \"x"}) {
            Files.writeString(file, bad);
            IOException e = assertThrows(IOException.class, () -> LayerFile.read(file, "c1"), bad);
            assertTrue(e.getMessage().contains("is not valid"), e.getMessage());
        }
    }

    @Test
    void errorsNameTheContainerAndTheFile() throws IOException {
        Path file = dir.resolve("layer.json");
        IOException missing = assertThrows(IOException.class, () -> LayerFile.read(file, "c7"));
        assertTrue(missing.getMessage().contains("container c7") && missing.getMessage().contains(file.toString()),
                missing.getMessage());

        Files.writeString(file, "{\"upperdir\": \"/x\"}");
        IOException invalid = assertThrows(IOException.class, () -> LayerFile.read(file, "c7"));
        assertTrue(invalid.getMessage().contains("container c7") && invalid.getMessage().contains("lowerdir"),
                invalid.getMessage());
    }
}
