package io.holdfast.storage.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountTableTest {
    private static final String SAMPLE = String.join("\n",
            "22 27 0:21 / /proc rw,relatime shared:5 - proc proc rw",
            "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard",
            "44 27 0:39 / /data/storage/overlay/c1/merged rw,relatime shared:12 master:3 - overlay overlay "
                    + "rw,lowerdir=/data/images/abc/rootfs,upperdir=/data/storage/overlay/c1/upper,"
                    + "workdir=/data/storage/overlay/c1/work",
            "45 27 0:40 / /data/storage/overlay/my\\040box/merged rw - overlay overlay "
                    + "rw,lowerdir=/data/images/a\\040b/rootfs",
            "46 27 0:41 / /data/storage/overlay/tab\\011and\\134slash/merged rw - overlay overlay rw",
            "47 27 0:42 / /data/storage/overlay/c3/merged rw - tmpfs tmpfs rw,size=4k",
            "48 47 0:43 / /data/storage/overlay/c3/merged rw - overlay overlay rw",
            "49 27 0:44 / /data/storage/overlay-old/c9/merged rw - overlay overlay rw",
            "50 27 0:45 / /data/storage/overlay rw - tmpfs tmpfs rw",
            "51 27 0:46 / /data/storage/overlay/caf\u00c3\u00a9/merged rw - overlay overlay rw",
            "");

    @Test
    void parsesFieldsWithAndWithoutOptionalFields() throws IOException {
        MountTable table = MountTable.parse(SAMPLE);
        assertEquals(10, table.all().size());
        MountTable.Mount proc = table.all().get(0);
        assertEquals(22, proc.id());
        assertEquals(27, proc.parentId());
        assertEquals(Path.of("/proc"), proc.mountPoint());
        assertEquals("proc", proc.fsType());
        assertFalse(proc.isOverlay());

        MountTable.Mount c1 = table.all().get(2);
        assertEquals(44, c1.id());
        assertTrue(c1.isOverlay());
        assertEquals("overlay", c1.source());
        assertTrue(c1.superOptions().contains("lowerdir=/data/images/abc/rootfs,"));
    }

    @Test
    void decodesOctalEscapesAndUtf8() throws IOException {
        MountTable table = MountTable.parse(SAMPLE);
        assertEquals(Path.of("/data/storage/overlay/my box/merged"), table.all().get(3).mountPoint());
        assertEquals("rw,lowerdir=/data/images/a b/rootfs", table.all().get(3).superOptions());
        assertEquals(Path.of("/data/storage/overlay/tab\tand\\slash/merged"), table.all().get(4).mountPoint());
        assertEquals(Path.of("/data/storage/overlay/café/merged"), table.all().get(9).mountPoint());
        assertEquals("a\\0b", MountTable.unescape("a\\0b"), "a backslash not followed by three octal digits stays");
        assertEquals("end\\04", MountTable.unescape("end\\04"));
    }

    @Test
    void belowListsOnlyMountsStrictlyUnderTheDirectory() throws IOException {
        MountTable table = MountTable.parse(SAMPLE);
        List<Integer> below = table.below(Path.of("/data/storage/overlay")).stream().map(MountTable.Mount::id)
                .toList();
        assertEquals(List.of(44, 45, 46, 47, 48, 51), below, "not the home itself (50), not overlay-old (49)");
        assertEquals(List.of(50, 51), table.atOrBelow(Path.of("/data/storage/overlay")).stream()
                .map(MountTable.Mount::id).filter(id -> id >= 49).toList());
        assertTrue(table.below(Path.of("/nowhere")).isEmpty());
    }

    @Test
    void atGivesTheMountOnTop() throws IOException {
        MountTable table = MountTable.parse(SAMPLE);
        MountTable.Mount top = table.at(Path.of("/data/storage/overlay/c3/merged")).orElseThrow();
        assertEquals(48, top.id());
        assertTrue(top.isOverlay());
        assertTrue(table.at(Path.of("/data/storage/overlay/c3")).isEmpty());
    }

    @Test
    void refusesALineItCannotRead() {
        IOException e = assertThrows(IOException.class, () -> MountTable.parse("27 1 254:0 / / rw\n"));
        assertTrue(e.getMessage().contains("/proc/self/mountinfo"), e.getMessage());
        assertThrows(IOException.class, () -> MountTable.parse("x 1 254:0 / / rw - ext4 /dev/vda rw\n"));
    }

    @Test
    void readsThisProcesssTable() throws IOException {
        MountTable table = MountTable.read();
        assertTrue(table.at(Path.of("/")).isPresent());
    }
}
