package io.holdfast.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** storage-opts: syntax only; which options exist is the storage driver's business. */
class StorageOptsKeyTest {
    @TempDir
    Path dir;

    private DaemonJson json;

    @BeforeEach
    void setUp() {
        json = new DaemonJson(dir);
    }

    @Test
    void absentOrEmptyMeansNoOptions() throws Exception {
        assertEquals(Map.of(), json.file("{}").storageOptions());
        assertEquals(Map.of(), json.file("{\"storage-opts\": []}").storageOptions());
    }

    @Test
    void itemsBecomeAMapInTheOrderWritten() throws Exception {
        Map<String, String> options = json.file(
                "{\"storage-opts\": [\"overlay.size=10G\", \"vfs.copy=auto\", \"overlay.mount_opt=a=b\"]}").storageOptions();
        assertEquals(List.of("overlay.size", "vfs.copy", "overlay.mount_opt"), List.copyOf(options.keySet()));
        assertEquals("10G", options.get("overlay.size"));
        assertEquals("a=b", options.get("overlay.mount_opt"), "the value runs to the end, '=' included");
    }

    @Test
    void unknownOptionsOfAnyDriverPassTheReader() throws Exception {
        assertEquals("x", json.file("{\"storage-opts\": [\"nosuchdriver.nosuchoption=x\"]}")
                .storageOptions().get("nosuchdriver.nosuchoption"));
    }

    @Test
    void itemWithoutDriverPrefixOrValueNamesItsIndex() throws Exception {
        String expected = "daemon.json:2:3: key \"storage-opts\": item [1]: expected \"<driver>.<option>=<value>\" "
                + "such as \"overlay.size=10G\", found ";
        for (String bad : new String[] {"size=10G", "overlay.size", "overlay.size=", "=10G", ".size=1", "overlay.=1",
                "over lay.size=1"}) {
            assertEquals(expected + "\"" + bad + "\"",
                    json.error("{\n  \"storage-opts\": [\"vfs.a=1\", \"" + bad + "\"]\n}"), bad);
        }
    }

    @Test
    void duplicateOptionNamesBothItems() throws Exception {
        assertEquals("daemon.json:1:2: key \"storage-opts\": item [2]: option \"overlay.size\" is already set by "
                + "item [0]", json.error("{\"storage-opts\": [\"overlay.size=1G\", \"vfs.a=1\", \"overlay.size=2G\"]}"));
    }

    @Test
    void wrongTypesSayWhatWasExpected() throws Exception {
        assertEquals("daemon.json:1:2: key \"storage-opts\": expected an array of strings such as "
                + "[\"overlay.size=10G\"], found {\"overlay.size\":\"10G\"}",
                json.error("{\"storage-opts\": {\"overlay.size\": \"10G\"}}"));
        assertEquals("daemon.json:1:2: key \"storage-opts\": item [0]: expected a string "
                + "\"<driver>.<option>=<value>\", found 5", json.error("{\"storage-opts\": [5]}"));
    }
}
