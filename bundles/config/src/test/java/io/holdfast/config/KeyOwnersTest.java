package io.holdfast.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.config.ConfigKey;
import io.holdfast.spi.config.ConfigKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** daemon.json's keys sorted by owner: handed over, checked by their owner, errors placed, the unclaimed reported. */
class KeyOwnersTest {
    /** No component declared anything on this data root before. */
    private static final java.util.function.Function<String, String> NOBODY_EARLIER = key -> null;

    @TempDir
    Path dir;

    private DaemonJson json;
    private final FakeKeys net = new FakeKeys("net", FakeKeys.restart("width"), FakeKeys.live("depth"));

    @BeforeEach
    void setUp() {
        json = new DaemonJson(dir);
    }

    private String message(ConfigException e) {
        return e.getMessage().replace(dir.resolve("daemon.json").toString(), "daemon.json");
    }

    @Test
    void eachOwnerGetsOnlyItsSetKeysAsPlainJavaAndReturnsItsValues() throws Exception {
        DaemonFile file = json.file("{\"debug\": true, \"width\": 3}");
        Map<String, Map<String, Object>> checked = new KeyOwners(List.of(net), Set.of(), NOBODY_EARLIER).checkAll(file);
        assertEquals(List.of(Map.of("width", 3)), net.handed, "absent keys are left out, core keys are not handed");
        assertEquals(Map.of("net", Map.of("width", 3, "depth", 0)), checked);
    }

    @Test
    void anOwnersObjectionNamesFileLineColumnAndKey() throws Exception {
        DaemonFile file = json.file("{\n  \"debug\": true,\n  \"depth\": \"deep\"\n}");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new KeyOwners(List.of(net), Set.of(), NOBODY_EARLIER).checkAll(file));
        assertEquals("daemon.json:3:3: key \"depth\": expected a whole number, found deep", message(e));
    }

    @Test
    void aKeyNoComponentEverDeclaredIsRefusedWithItsPlace() throws Exception {
        DaemonFile file = json.file("{\n  \"width\": 1,\n  \"bipp\": \"10.1.0.1/24\"\n}");
        KeyOwners owners = new KeyOwners(List.of(net), Set.of(), NOBODY_EARLIER);
        ConfigException e = assertThrows(ConfigException.class, () -> owners.rejectUnknown(file));
        assertEquals("daemon.json:3:3: key \"bipp\": unknown key: no installed component declares it, and none did "
                + "before on this data root (known keys: data-root, debug, default-runtime, depth, exec-root, hosts, "
                + "live-restore, log-driver, log-opts, runtimes, shutdown-timeout, storage-driver, storage-opts, "
                + "width)", e.getMessage().replace(dir.resolve("daemon.json").toString(), "daemon.json"));
    }

    @Test
    void aKeyOfAComponentMissingNowIsReportedWithItsPlaceNotRefused() throws Exception {
        DaemonFile file = json.file("{\n  \"bip\": \"10.1.0.1/24\",\n  \"width\": 1\n}");
        KeyOwners owners = new KeyOwners(List.of(net), Set.of(), key -> key.equals("bip") ? "bridge" : null);
        owners.rejectUnknown(file);
        assertEquals(Map.of("width", 1, "depth", 0), owners.checkAll(file).get("net"));
        List<String> unclaimed = owners.unclaimed(file).stream()
                .map(m -> m.replace(dir.resolve("daemon.json").toString(), "daemon.json")).toList();
        assertEquals(List.of("daemon.json:2:3: key \"bip\": belongs to bridge, which is not installed now; it is "
                + "checked when it is"), unclaimed);
    }

    @Test
    void storageOptionsOfAnInstalledDriverAreItsOwnAndMustBeDeclared() throws Exception {
        DaemonFile file = json.file("{\"storage-opts\": [\"vfs.size=1G\"]}");
        ConfigException undeclared = assertThrows(ConfigException.class,
                () -> new KeyOwners(List.of(), Set.of("vfs"), NOBODY_EARLIER).checkAll(file));
        assertEquals("daemon.json:1:2: key \"storage-opts\": item [0] \"vfs.size\": the vfs storage driver has no "
                + "options", message(undeclared));

        FakeKeys vfs = new FakeKeys("vfs", FakeKeys.restart("vfs.copies"));
        DaemonFile other = json.file("{\"storage-opts\": [\"vfs.copies=2\", \"vfs.size=1G\"]}");
        assertEquals("daemon.json:1:2: key \"storage-opts\": item [1] \"vfs.size\": the vfs storage driver has no "
                + "such option; its options: vfs.copies", message(assertThrows(ConfigException.class,
                () -> new KeyOwners(List.of(vfs), Set.of("vfs"), NOBODY_EARLIER).checkAll(other))));
    }

    @Test
    void aDeclaredStorageOptionReachesItsOwnerAsAStringAndItsErrorsNameTheItem() throws Exception {
        FakeKeys zfs = new FakeKeys("zfs", FakeKeys.restart("zfs.quota"));
        assertEquals(Map.of("zfs.quota", "5"), new KeyOwners(List.of(zfs), Set.of("zfs"), NOBODY_EARLIER)
                .checkAll(json.file("{\"storage-opts\": [\"zfs.quota=5\"]}")).get("zfs"));
        DaemonFile bad = json.file("{\"storage-opts\": [\"zfs.quota=lots\"]}");
        assertEquals("daemon.json:1:2: key \"storage-opts\": item [0] \"zfs.quota\": expected a whole number, found "
                + "lots", message(assertThrows(ConfigException.class,
                () -> new KeyOwners(List.of(zfs), Set.of("zfs"), NOBODY_EARLIER).checkAll(bad))));
    }

    @Test
    void optionsOfADriverThatIsNotInstalledWaitForIt() throws Exception {
        DaemonFile file = json.file("{\"storage-opts\": [\"zfs.quota=5\"]}");
        KeyOwners owners = new KeyOwners(List.of(), Set.of("vfs"), NOBODY_EARLIER);
        assertEquals(Map.of(), owners.checkAll(file));
        assertEquals(List.of("daemon.json:1:2: key \"storage-opts\": item [0] \"zfs.quota\": no storage driver zfs is "
                + "installed; the option is checked when it is"), owners.unclaimed(file).stream()
                .map(m -> m.replace(dir.resolve("daemon.json").toString(), "daemon.json")).toList());
    }

    @Test
    void anOwnerCannotTakeACoreKeyOrAnotherOwnersKey() {
        KeyOwners owners = new KeyOwners(List.of(net), Set.of(), NOBODY_EARLIER);
        assertEquals("key \"debug\" belongs to the engine", owners.conflict(new FakeKeys("x", FakeKeys.live("debug"))));
        assertEquals("key \"width\" already belongs to net", owners.conflict(new FakeKeys("x", FakeKeys.live("width"))));
        assertNull(owners.conflict(new FakeKeys("net", FakeKeys.restart("width"))), "a new revision of the owner");
    }

    @Test
    void aCheckThatThrowsSomethingElseFailsTheFileAndNamesTheOwner() throws Exception {
        ConfigKeys failing = new ConfigKeys() {
            public String owner() {
                return "failing";
            }

            public List<ConfigKey> keys() {
                return List.of(FakeKeys.live("depth"));
            }

            public Map<String, Object> check(Map<String, Object> values) {
                throw new IllegalStateException("bug");
            }
        };
        ConfigException e = assertThrows(ConfigException.class,
                () -> new KeyOwners(List.of(failing), Set.of(), NOBODY_EARLIER).checkAll(json.file("{}")));
        assertTrue(message(e).endsWith("daemon.json: failing could not check its keys: "
                + "java.lang.IllegalStateException: bug"), message(e));
    }
}
